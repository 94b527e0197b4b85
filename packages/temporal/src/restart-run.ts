import { Prisma, type Database, type Run } from '@cascade/db';
import { parseStoredDefinition } from '@cascade/workflow';
import { WorkflowFailedError, type Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { TASK_QUEUE, WORKFLOW_NAMES } from './index';
import { runInputFor } from './run-input';
import type { RunFailureDetails, RunInput } from './interpreter-contract';

/**
 * Starts a failed run again under its own workflow id, on its pinned version, at the node that
 * failed and with the steps and variables its failure carried (from the start when it carried
 * none). Completed actions inside that node return their recorded outcome by idempotency key, so
 * side effects that already happened are not repeated. The caller checks the run may be retried.
 */
export async function restartFailedRun(db: Database, client: Client, run: Run & { eventId: string }, taskQueue = TASK_QUEUE): Promise<void> {
  const details = await client.workflow
    .getHandle(run.temporalWorkflowId)
    .result()
    .then(
      () => undefined,
      (error: unknown) => (error instanceof WorkflowFailedError ? (error.cause as { details?: unknown[] } | undefined)?.details?.[0] : undefined),
    );
  const event = await db.event.findUniqueOrThrow({ where: { tenantId_id: { tenantId: run.tenantId, id: run.eventId } } });
  const version = await db.workflowVersion.findUniqueOrThrow({ where: { id: run.versionId } });
  const input: RunInput = {
    ...runInputFor(
      { id: run.id, tenantId: run.tenantId, workflowId: run.workflowId, versionId: run.versionId, version: version.version },
      parseStoredDefinition(version.definition, `Version ${version.version} of workflow ${run.workflowId}`),
      event,
    ),
    ...(isFailureDetails(details) ? { resume: details.resume } : {}),
  };
  await db.run.update({ where: { id: run.id }, data: { status: 'RUNNING', finishedAt: null, error: Prisma.DbNull } });
  await client.workflow.start(WORKFLOW_NAMES.run, {
    taskQueue,
    workflowId: run.temporalWorkflowId,
    args: [input],
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
  });
}

function isFailureDetails(value: unknown): value is RunFailureDetails {
  return typeof value === 'object' && value !== null && 'resume' in value && 'failedNode' in value;
}
