import { describe, expect, it } from 'vitest';
import { removeNodes, updateNode } from './edit';
import { graphOf } from './bodies';
import { forEachWorkflow, loggingWorkflow } from './fixtures';
import { designerReducer, hasUnsavedChanges, initialDesignerState } from './store';

describe('the designer store', () => {
  it('tells unsaved changes until the definition is saved', () => {
    let state = initialDesignerState(loggingWorkflow());
    expect(hasUnsavedChanges(state)).toBe(false);
    state = designerReducer(state, { type: 'edit', apply: (d) => updateNode(d, 'action_1', { label: 'Log it' }) });
    expect(hasUnsavedChanges(state)).toBe(true);
    state = designerReducer(state, { type: 'saved', definition: state.definition });
    expect(hasUnsavedChanges(state)).toBe(false);
  });

  it('selects a node it adds, and forgets a selection whose node was removed', () => {
    let state = designerReducer(initialDesignerState(loggingWorkflow()), { type: 'addNode', nodeType: 'delay', position: { x: 0, y: 540 } });
    expect(state.selectedNodeId).toBe('delay_1');
    expect(state.definition.nodes.at(-1)).toEqual({ id: 'delay_1', type: 'delay', position: { x: 0, y: 540 }, duration: 'PT1H' });
    state = designerReducer(state, { type: 'selectEdges', ids: ['e1'] });
    state = designerReducer(state, { type: 'edit', apply: (d) => removeNodes(d, ['delay_1', 'trigger_1']) });
    expect(state.selectedNodeId).toBeUndefined();
    expect(state.selectedEdgeIds).toEqual([]);
  });

  it('shows a refused publish’s problems until the next edit', () => {
    const problem = { nodeId: 'action_1', code: 'invalid-mapping', message: 'Required' } as const;
    let state = designerReducer(initialDesignerState(loggingWorkflow()), { type: 'publishRefused', problems: [problem] });
    expect(state.serverProblems).toEqual([problem]);
    state = designerReducer(state, { type: 'edit', apply: (d) => updateNode(d, 'action_1', { label: 'x' }) });
    expect(state.serverProblems).toEqual([]);
  });

  it('keeps the same state for an edit that changes nothing', () => {
    const state = initialDesignerState(loggingWorkflow());
    expect(designerReducer(state, { type: 'edit', apply: (d) => d })).toBe(state);
  });

  it('starts over from a draft the server replaced, unsaved changes and selection dropped', () => {
    let state = designerReducer(initialDesignerState(loggingWorkflow()), { type: 'addNode', nodeType: 'delay', position: { x: 0, y: 540 } });
    expect(hasUnsavedChanges(state)).toBe(true);
    const upgraded = { ...loggingWorkflow(), name: 'Upgraded' };
    state = designerReducer(state, { type: 'replaced', definition: upgraded });
    expect(state.definition).toEqual(upgraded);
    expect(hasUnsavedChanges(state)).toBe(false);
    expect(state.selectedNodeId).toBeUndefined();
  });
});

describe('bodies in the store', () => {
  it('adds a step into a body, selects it, keeps it selected across edits, and undoes it as one step', () => {
    let state = initialDesignerState(forEachWorkflow());
    state = designerReducer(state, { type: 'addNode', nodeType: 'delay', position: { x: 24, y: 600 }, parent: 'lines' });
    expect(state.selectedNodeIds).toEqual(['delay_1']);
    expect(graphOf(state.definition, 'delay_1')!.nodes.map((node) => node.id)).toEqual(['logLine', 'lineDone', 'delay_1']);
    state = designerReducer(state, { type: 'edit', apply: (d) => updateNode(d, 'delay_1', { label: 'Pause' }) });
    expect(state.selectedNodeId).toBe('delay_1');
    state = designerReducer(designerReducer(state, { type: 'undo' }), { type: 'undo' });
    expect(state.definition).toEqual(forEachWorkflow());
    expect(state.selectedNodeIds).toEqual([]);
    // A parent that holds no body adds nothing.
    expect(designerReducer(state, { type: 'addNode', nodeType: 'delay', position: { x: 0, y: 0 }, parent: 'action_1' })).toBe(state);
  });

  it('folds a body and opens it again, without an undo step', () => {
    let state = designerReducer(initialDesignerState(forEachWorkflow()), { type: 'toggleBody', id: 'lines' });
    expect(state.collapsedBodies).toEqual(['lines']);
    state = designerReducer(state, { type: 'toggleBody', id: 'lines' });
    expect(state.collapsedBodies).toEqual([]);
    expect(state.history.past).toEqual([]);
  });
});
