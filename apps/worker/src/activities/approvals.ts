import { toStorableString } from '@cascade/db';
import type { RecordBatch } from '../run-records/records';
import { writeRecords } from '../run-records/write-records';
import type { RunActivityDependencies, StepCall } from './step-activity';

export interface OpenApprovalCall extends StepCall {
  taskId: string;
  temporalWorkflowId: string;
  title: string;
  assignees: string[];
  formFields: unknown[];
  dueAt: string;
}

/** The approval node's activities: its task opened, escalated to others, and expired. */
export function createApprovalActivities({ db }: RunActivityDependencies) {
  return {
    async openApprovalTask(call: OpenApprovalCall): Promise<void> {
      await writeRecords(db, call.batch, call.runId);
      await db.approvalTask.upsert({
        where: { id: call.taskId },
        update: {},
        create: {
          id: call.taskId,
          tenantId: call.tenantId,
          runId: call.runId,
          temporalWorkflowId: call.temporalWorkflowId,
          nodeKey: call.step.key,
          // Titles and assignees come from expressions over action outputs: stored safely, so the task opens.
          title: toStorableString(call.title),
          assignees: call.assignees.map(toStorableString),
          formFields: call.formFields as object[],
          dueAt: new Date(call.dueAt),
        },
      });
    },

    async escalateApprovalTask({ taskId, assignees }: { taskId: string; assignees: string[] }) {
      await db.approvalTask.updateMany({ where: { id: taskId, status: 'PENDING' }, data: { assignees: assignees.map(toStorableString), escalatedAt: new Date() } });
    },

    async expireApprovalTask({ batch, runId, taskId }: { batch: RecordBatch; runId: string; taskId: string }) {
      await writeRecords(db, batch, runId);
      await db.approvalTask.updateMany({ where: { id: taskId, status: 'PENDING' }, data: { status: 'TIMED_OUT', decidedAt: new Date() } });
    },
  };
}
