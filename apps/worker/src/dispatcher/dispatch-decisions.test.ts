import { markDispatched, readDispatchDecisions } from '@cascade/ingestion';
import type { WorkflowDefinition } from '@cascade/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunHarness, type RunHarness } from '../testing/run-harness';

let harness: RunHarness;
beforeAll(async () => {
  harness = await startRunHarness();
});
afterAll(() => harness?.stop());

const definition = (name: string, event: string, filter?: string): WorkflowDefinition => ({
  schemaVersion: 1,
  name,
  nodes: [{ id: 'start', type: 'trigger', event, ...(filter ? { filter } : {}) }, { id: 'done', type: 'end' }],
  edges: [{ id: 'e0', from: 'start', to: 'done' }],
});

/** Routes an event as the dispatcher does and stores the outcome on its dispatch row; returns what the row now says. */
async function dispatch(type: string, data: Record<string, unknown>) {
  const { event, routed } = await harness.publishEvent(type, data);
  const row = await harness.db.dispatch.findUniqueOrThrow({ where: { tenantId_eventId: { tenantId: harness.tenant.id, eventId: event.id } } });
  await markDispatched(harness.db, [{ id: row.id, note: routed.notes.join('\n') || null, decisions: routed.decisions }]);
  const stored = await harness.db.dispatch.findUniqueOrThrow({ where: { id: row.id } });
  return { event, decisions: readDispatchDecisions(stored.decisions) };
}

describe('what the dispatcher records for each workflow an event could start', () => {
  it('records the run started, the filter that was false, the filter that failed and the disabled workflow', async () => {
    const started = await harness.publish(definition('Every overdue', 'INVOICE_OVERDUE'));
    const filtered = await harness.publish(definition('Only huge', 'INVOICE_OVERDUE', 'event.data.amountDue > 1000000'));
    const broken = await harness.publish(definition('Broken', 'INVOICE_OVERDUE', '$number("x") > 1'));
    const disabled = await harness.publish(definition('Switched off', 'INVOICE_OVERDUE'));
    await harness.db.workflow.update({ where: { id: disabled.workflowId }, data: { enabled: false } });

    const { event, decisions } = await dispatch('INVOICE_OVERDUE', { amountDue: 10 });

    await harness.resultOf(started.workflowId, event.id);
    const run = await harness.runOf(started.workflowId, event.id);
    const byWorkflow = new Map(decisions?.map((decision) => [decision.workflowId, decision]));
    expect(decisions).toHaveLength(4);
    expect(byWorkflow.get(started.workflowId)).toMatchObject({ outcome: 'started', runId: run.id, version: 1, workflowName: expect.stringMatching(/^Every overdue /) });
    expect(byWorkflow.get(filtered.workflowId)).toMatchObject({ outcome: 'filtered-out', filter: 'event.data.amountDue > 1000000' });
    expect(byWorkflow.get(broken.workflowId)).toMatchObject({ outcome: 'filter-failed', filter: '$number("x") > 1', error: expect.any(String) });
    expect(byWorkflow.get(disabled.workflowId)).toMatchObject({ outcome: 'disabled' });
  });

  it('records the run again, not a refusal, when an event is delivered twice', async () => {
    const { workflowId } = await harness.publish(definition('Tickets', 'TICKET_CREATED'));
    const { event, routed } = await harness.publishEvent('TICKET_CREATED', {});
    const again = await harness.routeEvent(event);
    await harness.resultOf(workflowId, event.id);
    const run = await harness.runOf(workflowId, event.id);
    expect(again.runsStarted).toBe(0);
    expect(again.decisions).toEqual(routed.decisions);
    expect(again.decisions).toEqual([expect.objectContaining({ outcome: 'started', runId: run.id })]);
  });

  it('records an empty list for an event no workflow is triggered by, and nothing for one not dispatched yet', async () => {
    const { decisions } = await dispatch('PAYMENT_APPLIED', {});
    expect(decisions).toEqual([]);
    const pending = await harness.ingest('PAYMENT_APPLIED');
    const row = await harness.db.dispatch.findUniqueOrThrow({ where: { tenantId_eventId: { tenantId: harness.tenant.id, eventId: pending.id } } });
    expect(readDispatchDecisions(row.decisions)).toBeNull();
  });

  it('reads stored decisions that do not parse as not recorded, never as a wrong reason', () => {
    expect(readDispatchDecisions([{ outcome: 'exploded', workflowId: 'x' }])).toBeNull();
    expect(readDispatchDecisions({ outcome: 'started' })).toBeNull();
    expect(readDispatchDecisions('[]')).toBeNull();
  });
});
