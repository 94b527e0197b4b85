import 'server-only';
import type { ApprovalFormField } from '@cascade/workflow';
import { eventCorrelationKeys } from '@cascade/temporal/correlation';
import { RUN_SIGNALS, type ApprovalDecision, type DeliveredEvent, type SkippedDelay } from '@cascade/temporal';
import { TEST_RUN_TIMEOUT_MS } from '@cascade/temporal/test-runs';
import type { TestRun } from '@cascade/db';
import { HttpError, issuesToDetails, notFound, unprocessable } from '../http/problem';
import { formSchema } from '../routes/approvals';
import { db, temporal } from '../services';
import { checkedSample } from './start-test-run';
import { storedSteps } from './test-run-view';

/** What the test panel answers a waiting step with. */
export type TestRunAnswer =
  | { kind: 'event'; key: string; data: unknown; correlationId?: string | undefined }
  | { kind: 'approval'; key: string; outcome: 'approved' | 'rejected'; data: Record<string, unknown>; comment?: string | undefined }
  | { kind: 'skipDelay'; key: string };

/** A test run still marked running past its time limit: Temporal has ended it. */
export const pastTimeLimit = (row: { status: string; startedAt: Date }) => row.status === 'RUNNING' && Date.now() - row.startedAt.getTime() > TEST_RUN_TIMEOUT_MS;

/**
 * The tenant's test run of that workflow, or 404: another tenant's is as absent as one that never
 * was. One still marked running past its time limit was ended by Temporal, which runs none of its
 * code then: it is recorded as cancelled here, when it is next read.
 */
export async function findTestRun(tenantId: string, workflowId: string, testRunId: string): Promise<TestRun> {
  const row = await db().testRun.findFirst({ where: { id: testRunId, tenantId, workflowId } });
  if (!row) throw notFound(`No test run ${testRunId} of workflow ${workflowId} in this tenant`);
  if (pastTimeLimit(row)) {
    const error = { message: `The test run was ended after ${TEST_RUN_TIMEOUT_MS / 3_600_000} hours` };
    return db().testRun.update({ where: { id: row.id }, data: { status: 'CANCELLED', finishedAt: new Date(row.startedAt.getTime() + TEST_RUN_TIMEOUT_MS), error } });
  }
  return row;
}

const conflict = (detail: string) => new HttpError(409, 'Conflict', detail);

/**
 * Answers what a running test run waits for, by the signal production would get: a matching event
 * for a wait (checked against the event's schema and the wait's correlation, and never put in the
 * log), a decision for an approval (its form checked), or the end of a delay.
 */
export async function answerTestRun(tenantId: string, workflowId: string, testRunId: string, answer: TestRunAnswer, decidedBy: string): Promise<void> {
  const row = await findTestRun(tenantId, workflowId, testRunId);
  if (row.status !== 'RUNNING') throw conflict(`The test run is ${row.status}; it waits for nothing`);
  const step = storedSteps(row).find((candidate) => candidate.key === answer.key && candidate.status === 'RUNNING');
  if (!step) throw conflict(`Step "${answer.key}" is not waiting`);
  const handle = (await temporal()).workflow.getHandle(row.temporalWorkflowId);
  if (answer.kind === 'event') {
    if (!step.wait) throw conflict(`Step "${answer.key}" waits for no event`);
    const event = await checkedSample(tenantId, { type: step.wait.eventType, source: 'test-run', data: answer.data, ...(answer.correlationId ? { correlationId: answer.correlationId } : {}) }, '/body');
    const keys = await eventCorrelationKeys(step.wait.correlationExpression, event);
    if (!keys.has(step.wait.correlationKey)) {
      const gives = [...keys][0] ?? 'nothing';
      throw unprocessable(`The event does not correlate with the run: ${step.wait.correlationExpression} gives ${gives}; the run waits for ${step.wait.correlationKey}`, [
        { path: '/body/data', message: `${step.wait.correlationExpression} must give the run's value`, expected: step.wait.correlationKey, received: gives },
      ]);
    }
    const delivered: DeliveredEvent = { waitId: step.wait.waitId, event };
    await handle.signal(RUN_SIGNALS.deliverEvent, delivered);
  } else if (answer.kind === 'approval') {
    if (!step.approval) throw conflict(`Step "${answer.key}" is no approval`);
    if (answer.outcome === 'approved') {
      const form = formSchema(step.approval.formFields as ApprovalFormField[]).safeParse(answer.data);
      if (!form.success) throw unprocessable('The form data does not fit the approval’s fields', issuesToDetails(form.error.issues, '/body/data'));
    }
    const decision: ApprovalDecision = { taskId: step.approval.taskId, outcome: answer.outcome, data: answer.data, decidedBy, ...(answer.comment ? { comment: answer.comment } : {}) };
    await handle.signal(RUN_SIGNALS.decideApproval, decision);
  } else {
    if (step.wait || step.approval) throw conflict(`Step "${answer.key}" is no delay`);
    const skipped: SkippedDelay = { key: answer.key };
    await handle.signal(RUN_SIGNALS.skipDelay, skipped);
  }
}
