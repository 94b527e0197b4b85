import { randomUUID } from 'node:crypto';
import { getEventDefinition } from '@cascade/catalog';
import { MAX_EVENT_BYTES, eventSizeBytes } from '@cascade/ingestion';
import { toEnvelope } from '@cascade/db';
import { DEFINITION_LIMITS, type WorkflowDefinition } from '@cascade/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunHarness, type RunHarness } from '../testing/run-harness';

let harness: RunHarness;
beforeAll(async () => {
  harness = await startRunHarness();
});
afterAll(() => harness?.stop());

/** A workflow on TICKET_SLA_STAGE_BREACHED whose definition takes exactly `bytes` as JSON. */
function definitionOf(bytes: number): WorkflowDefinition {
  const definition: WorkflowDefinition = {
    schemaVersion: 1,
    name: 'Large event',
    description: '',
    nodes: [
      { id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED' },
      { id: 'measure', type: 'setVariables', assign: { ticket: { $expr: 'event.data.ticketId' } } },
      { id: 'done', type: 'end' },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'measure' },
      { id: 'e2', from: 'measure', to: 'done' },
    ],
  };
  definition.description = 'x'.repeat(bytes - Buffer.byteLength(JSON.stringify(definition)));
  return definition;
}

describe('the largest event ingestion accepts', () => {
  it('starts and finishes its run on the largest definition, within Temporal’s 2 MiB payload limit', async () => {
    const { workflowId } = await harness.publish(definitionOf(DEFINITION_LIMITS.bytes));
    // The envelope as ingestion measures it: the harness's fields in the parsed envelope's order.
    const timestamp = '2026-03-03T08:15:05.000Z';
    const example = getEventDefinition('TICKET_SLA_STAGE_BREACHED')!.example as Record<string, unknown>;
    const envelope = (note: string) => ({
      id: randomUUID(), type: 'TICKET_SLA_STAGE_BREACHED', version: 1, timestamp, source: 'test', data: { ...example, tenantId: harness.tenant.id, note },
    });
    const padding = MAX_EVENT_BYTES - eventSizeBytes(envelope(''));
    const { event, routed } = await harness.publishEvent('TICKET_SLA_STAGE_BREACHED', { note: 'x'.repeat(padding) }, { timestamp });
    expect(routed).toMatchObject({ runsStarted: 1, notes: [] });
    console.log(`a run started on a ${DEFINITION_LIMITS.bytes}-byte definition with a ${MAX_EVENT_BYTES}-byte event, carried as ${eventSizeBytes(toEnvelope(event) as never)} bytes`);
    expect((await harness.resultOf(workflowId, event.id)).vars).toEqual({ ticket: example.ticketId });
    // One byte more is refused at ingestion (ingest.test.ts), so no accepted event can fail to start its runs.
    await expect(harness.publishEvent('TICKET_SLA_STAGE_BREACHED', { note: 'x'.repeat(padding + 1) }, { timestamp })).rejects.toThrow(/"status":413/);
  }, 60_000);
});
