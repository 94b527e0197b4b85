import 'server-only';
import { z } from 'zod';
import { defineRoute } from '../http/define-route';
import { HttpError } from '../http/problem';
import { db, logger, temporal } from '../services';
import { findWorkflow, WorkflowSummary, toSummary } from './workflows';

/**
 * Deleting a workflow removes its versions, trigger and finished runs with it. A run still going
 * would lose the version it executes and its history mid-flight, so such a workflow is refused
 * (409) until its runs finish or are cancelled; disabling it first stops new ones from starting.
 * Test runs of its draft go with it: any still going are ended, since nothing would show them.
 */
export const deleteWorkflow = defineRoute({
  method: 'DELETE',
  path: '/api/v1/workflows/{id}',
  operationId: 'deleteWorkflow',
  summary: 'Delete a workflow with no running runs, its versions and run history included',
  tags: ['Workflows'],
  scope: 'workflows:write',
  params: z.object({ id: z.uuid() }),
  response: { status: 200, description: 'The deleted workflow', schema: WorkflowSummary },
  errors: { 404: 'No such workflow in the caller’s tenant', 409: 'The workflow has runs still running: cancel them or let them finish first' },
  async handle({ params, principal, audit }) {
    const workflow = await findWorkflow(principal.tenantId, params.id);
    const testRuns = await db().$transaction(async (tx) => {
      await audit(tx);
      // The trigger goes in the same transaction: once it commits, no event starts another run.
      await tx.trigger.deleteMany({ where: { workflowId: workflow.id } });
      const running = await tx.run.count({ where: { tenantId: principal.tenantId, workflowId: workflow.id, status: 'RUNNING' } });
      if (running > 0) {
        throw new HttpError(409, 'Conflict', `"${workflow.name}" has ${running} running run(s): cancel them or let them finish, then delete it (disable it to stop new runs)`);
      }
      const going = await tx.testRun.findMany({ where: { workflowId: workflow.id, status: 'RUNNING' }, select: { temporalWorkflowId: true } });
      await tx.workflow.delete({ where: { id: workflow.id } });
      return going;
    });
    await endTestRuns(testRuns.map((run) => run.temporalWorkflowId));
    return toSummary(workflow);
  },
});

/** Best effort: a test run already finished, or Temporal out of reach, leaves nothing to undo (a test run ends within a day anyway). */
async function endTestRuns(temporalWorkflowIds: string[]): Promise<void> {
  if (temporalWorkflowIds.length === 0) return;
  const client = await temporal().catch(() => undefined);
  await Promise.all(
    temporalWorkflowIds.map((id) =>
      client?.workflow
        .getHandle(id)
        .terminate('Its workflow was deleted')
        .catch((error: unknown) => logger().info({ err: error, workflowId: id }, 'a test run of a deleted workflow could not be ended')),
    ),
  );
}
