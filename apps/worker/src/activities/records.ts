import { readStoredDefinition } from '@cascade/workflow';
import { ApplicationFailure } from '@temporalio/common';
import type { RecordBatch } from '../run-records/records';
import { stableUuid } from '../run-records/stable-uuid';
import { writeRecords, type RunOutcome } from '../run-records/write-records';
import type { RunActivityDependencies } from './step-activity';

/** The run's own bookkeeping: its batched records, its outcome, and the versions its sub-workflows pin. */
export function createRecordActivities({ db }: RunActivityDependencies) {
  return {
    async writeRunRecords({ batch, runId }: { batch: RecordBatch; runId: string }): Promise<void> {
      await writeRecords(db, batch, runId);
    },

    async finishRun({ batch, runId, status, error }: { batch: RecordBatch; runId: string } & RunOutcome) {
      await writeRecords(db, batch, runId, { outcome: { status, ...(error ? { error } : {}) } });
    },

    /**
     * The pinned version a subWorkflow node starts, and the child run's id, which follows from
     * the parent run and the node so a retried parent's child keeps its idempotency keys.
     */
    async loadWorkflowVersion({ tenantId, workflowId, version, parent }: { tenantId: string; workflowId: string; version: number; parent: { runId: string; key: string } }) {
      const row = await db.workflowVersion.findFirst({ where: { tenantId, workflowId, version } });
      if (!row) throw ApplicationFailure.nonRetryable(`Workflow ${workflowId} has no published version ${version}`, 'UnknownWorkflowVersion');
      const stored = readStoredDefinition(row.definition);
      if (!stored.ok) throw ApplicationFailure.nonRetryable(`Workflow ${workflowId} version ${version} does not parse: ${stored.problem}`, 'InvalidWorkflowVersion');
      return { versionId: row.id, definition: stored.definition, childRunId: stableUuid(`${parent.runId}:${parent.key}`) };
    },
  };
}
