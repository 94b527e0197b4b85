import { createLogger } from '@cascade/logger';
import type { WorkflowDefinition, WorkflowNode } from '@cascade/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunHarness, type RunHarness } from '../testing/run-harness';
import { createEventRouter } from './route-event';
import { dispatchKey } from './dispatcher';

let harness: RunHarness;
beforeAll(async () => {
  harness = await startRunHarness();
});
afterAll(() => harness?.stop());

const definition = (name: string, event: string, filter: string | undefined, nodes: WorkflowNode[] = []): WorkflowDefinition => ({
  schemaVersion: 1,
  name,
  nodes: [{ id: 'start', type: 'trigger', event, ...(filter ? { filter } : {}) }, ...nodes, { id: 'done', type: 'end' }],
  edges: [...['start', ...nodes.map((node) => node.id)].map((from, index, all) => ({ id: `e${index}`, from, to: all[index + 1] ?? 'done' }))],
});

describe('expressions on the dispatcher', () => {
  it('cuts off a trigger filter that runs too long, notes it, and routes the other events of the batch', async () => {
    // Within the step limit, but each $pad is slow: unbounded, this filter held the event loop for 90 s.
    const slow = await harness.publish(definition('Slow filter', 'INVOICE_OVERDUE', '$count([1..30000].$pad("x", 250000)) > 0'));
    const other = await harness.publish(definition('Tickets', 'TICKET_SLA_STAGE_BREACHED', 'event.data.stage = "resolution"'));
    const events = [await harness.ingest('INVOICE_OVERDUE'), await harness.ingest('TICKET_SLA_STAGE_BREACHED', { stage: 'resolution' })];

    const router = createEventRouter({ db: harness.db, client: harness.client, taskQueue: harness.taskQueue, logger: createLogger('route-test', { level: 'silent' }) });
    const started = performance.now();
    const outcomes = await router.routeEvents(events);
    const ms = performance.now() - started;
    console.log(`routing a batch with a slow trigger filter took ${ms.toFixed(0)} ms`);

    expect(outcomes.get(dispatchKey(harness.tenant.id, events[0]!.id))).toEqual({
      ok: true, runsStarted: 0, runsSignalled: 0,
      notes: [expect.stringMatching(/^Trigger filter of workflow "Slow filter .*" failed: The expression was stopped: it ran longer than 1000 ms$/)],
      decisions: [expect.objectContaining({ outcome: 'filter-failed', workflowId: slow.workflowId, error: expect.stringMatching(/ran longer than 1000 ms$/) })],
    });
    expect(outcomes.get(dispatchKey(harness.tenant.id, events[1]!.id))).toEqual({
      ok: true, runsStarted: 1, runsSignalled: 0, notes: [],
      decisions: [expect.objectContaining({ outcome: 'started', workflowId: other.workflowId })],
    });
    expect(ms).toBeLessThan(10_000);
    expect((await harness.resultOf(other.workflowId, events[1]!.id)).vars).toEqual({});
    await harness.db.workflow.update({ where: { id: slow.workflowId }, data: { enabled: false } });
  });

  it('runs regexes that would backtrack for ever in filters and inside the workflow sandbox, in linear time', async () => {
    const nearMiss = `${'a'.repeat(29)}!`;
    const { workflowId } = await harness.publish(
      definition('Regex', 'INVOICE_OVERDUE', '$not($contains(event.data.invoiceId, /^(\\w|a)*$/))', [
        { id: 'scrub', type: 'setVariables', assign: { scrubbed: { $expr: '$replace(event.data.invoiceId, /^(a|a)*$/, "x")' }, parts: { $expr: '$split(event.data.invoiceId, /(a|a)*!/)' } } },
      ]),
    );
    const started = performance.now();
    const { event, routed } = await harness.publishEvent('INVOICE_OVERDUE', { invoiceId: nearMiss });
    expect(routed).toMatchObject({ runsStarted: 1, notes: [] });
    expect((await harness.resultOf(workflowId, event.id)).vars).toEqual({ scrubbed: nearMiss, parts: ['', ''] });
    console.log(`routing and running a workflow with hostile regexes on ${nearMiss.length} characters took ${(performance.now() - started).toFixed(0)} ms`);
  });
});
