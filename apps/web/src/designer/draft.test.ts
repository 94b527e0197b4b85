import { describe, expect, it } from 'vitest';
import { allNodeIds, readDraft, triggerEventOf } from './draft';
import { loggingWorkflow } from './fixtures';
import { createNode } from './new-node';

describe('reading a stored draft', () => {
  it('keeps a well-formed definition as it is', () => {
    expect(readDraft(loggingWorkflow(), 'Fallback')).toEqual({ definition: loggingWorkflow(), dropped: 0 });
  });

  it('fills in what a draft saved over the API lacks, and counts what the canvas cannot place', () => {
    const { definition, dropped } = readDraft({ nodes: [{ type: 'end' }, { id: 'end_1', type: 'end' }], edges: [{ id: 'e1', from: 'x' }], extra: true }, 'Fallback');
    expect(definition).toEqual({ schemaVersion: 1, name: 'Fallback', nodes: [{ id: 'end_1', type: 'end' }], edges: [], extra: true });
    expect(dropped).toBe(2);
    expect(readDraft('not a draft', 'Fallback').definition.nodes).toEqual([]);
  });

  it('lists ids of body nodes too, and finds the trigger’s event', () => {
    const definition = loggingWorkflow();
    definition.nodes.push(createNode(definition, 'forEach', { x: 0, y: 0 }));
    expect(allNodeIds(definition.nodes)).toEqual(['trigger_1', 'action_1', 'end_1', 'forEach_1', 'end_2']);
    expect(triggerEventOf(definition)).toBe('TICKET_SLA_STAGE_BREACHED');
  });
});
