import type { WorkflowDefinition } from '@cascade/workflow';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRunHarness, type RunHarness } from '../testing/run-harness';

// A limit of 2 keeps the loop short: the third emit in the chain is refused.
let harness: RunHarness;
beforeAll(async () => {
  harness = await startRunHarness({ dependencies: (deps) => ({ ...deps, ingestOptions: { ...deps.ingestOptions, maxCausationDepth: 2 } }) });
});
afterAll(() => harness?.stop());

it('stops a workflow that triggers itself at the causation limit and reports it on the run that tried', async () => {
  const marker = crypto.randomUUID();
  const loop: WorkflowDefinition = {
    schemaVersion: 1,
    name: 'Echo',
    nodes: [
      { id: 'start', type: 'trigger', event: 'billing.plan.changed', filter: `event.data.oldPlan = "${marker}"` },
      { id: 'again', type: 'emit', event: 'billing.plan.changed', data: { tenantId: { $expr: 'run.tenantId' }, oldPlan: marker, newPlan: 'again' } },
      { id: 'done', type: 'end' },
    ],
    edges: [{ id: 'e0', from: 'start', to: 'again' }, { id: 'e1', from: 'again', to: 'done' }],
  };
  const { workflowId } = await harness.publish(loop);

  // Route each emitted event as the dispatcher would, until a run fails to emit.
  let { event } = await harness.publishEvent('billing.plan.changed', { oldPlan: marker, newPlan: 'first' });
  const depths: number[] = [];
  for (;;) {
    depths.push(event.causationDepth);
    const outcome = await harness.resultOf(workflowId, event.id).then(() => 'completed', () => 'failed');
    if (outcome === 'failed') break;
    const emittedId = ((await harness.runOf(workflowId, event.id)).steps.find((s) => s.key === 'again')!.output as { eventId: string }).eventId;
    event = await harness.db.event.findUniqueOrThrow({ where: { tenantId_id: { tenantId: harness.tenant.id, id: emittedId } } });
    expect(event.causationId).not.toBeNull();
    await harness.routeEvent(event);
  }
  expect(depths).toEqual([0, 1, 2]);
  const stopped = await harness.runOf(workflowId, event.id);
  expect(stopped).toMatchObject({ status: 'FAILED', error: { node: 'again', message: expect.stringContaining('beyond the limit of 2') } });
  expect(stopped.steps.find((s) => s.key === 'again')).toMatchObject({ status: 'FAILED', error: { message: expect.stringContaining('causation chain is 3 events deep') } });
});
