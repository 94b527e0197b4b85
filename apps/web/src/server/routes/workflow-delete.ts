import 'server-only';
import { z } from 'zod';
import { defineRoute } from '../http/define-route';
import { HttpError } from '../http/problem';
import { db } from '../services';
import { findWorkflow, WorkflowSummary, toSummary } from './workflows';

/**
 * Deleting a workflow removes its versions, trigger and finished runs with it. A run still going
 * would lose the version it executes and its history mid-flight, so such a workflow is refused
 * (409) until its runs finish or are cancelled; disabling it first stops new ones from starting.
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
    await db().$transaction(async (tx) => {
      await audit(tx);
      // The trigger goes in the same transaction: once it commits, no event starts another run.
      await tx.trigger.deleteMany({ where: { workflowId: workflow.id } });
      const running = await tx.run.count({ where: { tenantId: principal.tenantId, workflowId: workflow.id, status: 'RUNNING' } });
      if (running > 0) {
        throw new HttpError(409, 'Conflict', `"${workflow.name}" has ${running} running run(s): cancel them or let them finish, then delete it (disable it to stop new runs)`);
      }
      await tx.workflow.delete({ where: { id: workflow.id } });
    });
    return toSummary(workflow);
  },
});
