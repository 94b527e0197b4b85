import { getEventDefinition } from '@cascade/catalog';
import { validateWorkflow } from '@cascade/workflow';
import { describe, expect, it } from 'vitest';
import { createBrowserCatalog } from './browser-catalog';
import { updateNode } from './edit';
import { loggingWorkflow } from './fixtures';

const problemsOf = (definition: unknown, catalog = createBrowserCatalog({ customEvents: [] })) => {
  const result = validateWorkflow(definition, catalog);
  return result.ok ? [] : result.problems.map((p) => `${p.nodeId ?? ''} ${p.field ?? ''} ${p.code}`);
};

describe('the browser validation catalog', () => {
  it('passes a workflow that uses a built-in event and action correctly', () => {
    expect(problemsOf(loggingWorkflow())).toEqual([]);
  });

  it('finds unknown payload fields, unknown events and actions, and mappings that fail an action’s input', () => {
    expect(problemsOf(loggingWorkflow('event.data.ticketIdd'))).toEqual(['action_1 input.message unknown-event-field']);
    expect(problemsOf(updateNode(loggingWorkflow(), 'trigger_1', { event: 'NO_SUCH_EVENT' }))).toEqual(['trigger_1 event unknown-event']);
    expect(problemsOf(updateNode(loggingWorkflow(), 'action_1', { action: 'no.such' }))).toEqual(['action_1 action unknown-action']);
    expect(problemsOf(updateNode(loggingWorkflow(), 'action_1', { input: { message: 42 } }))).toEqual(['action_1 input.message invalid-mapping']);
  });

  it('knows the tenant’s own event types by their field list, and its published workflows', () => {
    const catalog = createBrowserCatalog({
      customEvents: [{ type: 'acme.order.placed', versions: [{ version: 1, fields: [{ path: 'orderId', type: 'string', description: '', optional: false, nullable: false }] }] }],
      workflows: [{ id: 'collect', name: 'Collect', versions: [1, 2] }],
    });
    let definition = updateNode(loggingWorkflow('event.data.orderId'), 'trigger_1', { event: 'acme.order.placed' });
    expect(problemsOf(definition, catalog)).toEqual([]);
    expect(problemsOf(loggingWorkflow('event.data.amount'), catalog)).toEqual(['action_1 input.message unknown-event-field']);
    definition = updateNode(definition, 'action_1', { type: 'subWorkflow', action: undefined, workflow: 'collect', version: 3, input: {} });
    expect(problemsOf(definition, catalog)).toEqual(['action_1 workflow unknown-workflow']);
    expect(problemsOf(updateNode(definition, 'action_1', { version: 2 }), catalog)).toEqual([]);
  });

  it('checks emitted data against the version the emit node names, or the latest', () => {
    const emitting = (data: Record<string, unknown>, version?: number) =>
      updateNode(loggingWorkflow(), 'action_1', { type: 'emit', action: undefined, input: undefined, event: 'agent.task_completed', data, ...(version ? { version } : {}) });
    const v1Data = getEventDefinition('agent.task_completed', 1).example;
    expect(problemsOf(emitting(v1Data, 1))).toEqual([]);
    expect(problemsOf(emitting(v1Data, 7))).toEqual(['action_1 version unknown-event-version']);
    // v2 replaced tokensConsumed by tokenUsage: v1-shaped data fails the latest version.
    expect(problemsOf(emitting(v1Data))).toEqual(['action_1 data.tokenUsage invalid-mapping']);
  });

  it('knows the tenant’s remote actions, whose input is checked against their JSON Schema on publish', () => {
    const catalog = createBrowserCatalog({ customEvents: [], remoteActions: [{ id: 'crm.create_contact', label: 'Create contact', description: '' }] });
    const definition = updateNode(loggingWorkflow(), 'action_1', { action: 'crm.create_contact', input: { anything: 1 } });
    expect(problemsOf(definition, catalog)).toEqual([]);
    expect(problemsOf(definition)).toEqual(['action_1 action unknown-action']);
  });
});
