import { describe, expect, it } from 'vitest';
import { graphOf } from './bodies';
import { forEachWorkflow, loggingWorkflow } from './fixtures';
import { paletteDropAction, readPaletteDrop } from './palette-drop';
import { designerReducer, initialDesignerState } from './store';

describe('dropping a palette entry', () => {
  it('adds an action node with its action chosen, selected, in one undo step', () => {
    const state = initialDesignerState(loggingWorkflow());
    const drop = readPaletteDrop(JSON.stringify({ kind: 'node', nodeType: 'action', fields: { action: 'core.log', input: { message: '' } } }))!;
    const next = designerReducer(state, paletteDropAction(state.definition, drop, { x: 40, y: 90 }));
    expect(next.definition.nodes.at(-1)).toEqual({ id: 'action_2', type: 'action', position: { x: 40, y: 90 }, action: 'core.log', input: { message: '' } });
    expect(next.selectedNodeIds).toEqual(['action_2']);
    expect(next.history.past).toHaveLength(1);
  });

  it('puts a node dropped on an edge between the edge’s ends', () => {
    const state = initialDesignerState(loggingWorkflow());
    const next = designerReducer(state, paletteDropAction(state.definition, { kind: 'node', nodeType: 'delay' }, { x: 0, y: 270 }, { onEdge: 'e2' }));
    expect(next.definition.edges.map((edge) => `${edge.from}-${edge.port}->${edge.to}`)).toEqual(['trigger_1-next->action_1', 'action_1-next->delay_1', 'delay_1-next->end_1']);
  });

  it('adds an entry dropped in an open forEach group to its body, and one dropped on a body’s edge onto that edge', () => {
    const state = initialDesignerState(forEachWorkflow());
    const action = { kind: 'node', nodeType: 'action', fields: { action: 'core.log', input: { message: '' } } } as const;
    const inBody = designerReducer(state, paletteDropAction(state.definition, action, { x: 24, y: 560 }, { parent: 'lines' }));
    expect(graphOf(inBody.definition, 'action_2')!.nodes.at(-1)).toEqual({ id: 'action_2', type: 'action', position: { x: 24, y: 560 }, action: 'core.log', input: { message: '' } });
    expect(inBody.definition.nodes.map((node) => node.id)).toEqual(state.definition.nodes.map((node) => node.id));
    expect(inBody.selectedNodeIds).toEqual(['action_2']);
    const onEdge = designerReducer(state, paletteDropAction(state.definition, { kind: 'node', nodeType: 'delay' }, { x: 24, y: 300 }, { onEdge: 'b1', parent: 'lines' }));
    expect(graphOf(onEdge.definition, 'delay_1')!.edges.map((edge) => `${edge.from}-${edge.port}->${edge.to}`)).toEqual(['lines-item->logLine', 'logLine-next->delay_1', 'delay_1-next->lineDone']);
    // A trigger starts the workflow: it never joins a body.
    for (const target of [{ parent: 'lines' }, { onEdge: 'b1' }]) {
      const trigger = designerReducer(state, paletteDropAction(state.definition, { kind: 'node', nodeType: 'trigger' }, { x: 0, y: 0 }, target));
      expect(trigger.definition.nodes.at(-1)).toMatchObject({ id: 'trigger_2', type: 'trigger' });
      expect(graphOf(trigger.definition, 'logLine')!.nodes.map((node) => node.id)).toEqual(['logLine', 'lineDone']);
    }
  });

  it('starts the workflow on a dropped event: the trigger switches to it, or one is added', () => {
    const state = initialDesignerState(loggingWorkflow());
    const switched = designerReducer(state, paletteDropAction(state.definition, { kind: 'trigger', event: 'INVOICE_PAID' }, { x: 0, y: 0 }));
    expect(switched.definition.nodes.filter((node) => node.type === 'trigger')).toMatchObject([{ id: 'trigger_1', event: 'INVOICE_PAID' }]);
    expect(switched.selectedNodeId).toBe('trigger_1');
    const empty = initialDesignerState({ ...loggingWorkflow(), nodes: [], edges: [] });
    const added = designerReducer(empty, paletteDropAction(empty.definition, { kind: 'trigger', event: 'INVOICE_PAID' }, { x: 5, y: 5 }));
    expect(added.definition.nodes).toEqual([{ id: 'trigger_1', type: 'trigger', position: { x: 5, y: 5 }, event: 'INVOICE_PAID' }]);
  });

  it('takes no drop but a palette entry’s, and lets no preset field choose the id, type or place', () => {
    for (const data of ['', 'not json', '{"kind":"node","nodeType":"rm -rf"}', '{"kind":"trigger","event":""}', '[]', 'null']) expect(readPaletteDrop(data), data).toBeUndefined();
    const state = initialDesignerState(loggingWorkflow());
    const drop = readPaletteDrop(JSON.stringify({ kind: 'node', nodeType: 'end', fields: { id: 'trigger_1', type: 'trigger', position: { x: 1e9, y: 0 } } }))!;
    const next = designerReducer(state, paletteDropAction(state.definition, drop, { x: 1, y: 2 }));
    expect(next.definition.nodes.at(-1)).toEqual({ id: 'end_2', type: 'end', position: { x: 1, y: 2 } });
  });
});
