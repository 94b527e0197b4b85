import { describe, expect, it } from 'vitest';
import { graphAt } from './bodies';
import { copyNodes } from './clipboard';
import { moveNode, updateNode } from './edit';
import { forEachWorkflow, loggingWorkflow } from './fixtures';
import { HISTORY_LIMIT } from './history';
import { canRedo, canUndo, designerReducer, initialDesignerState, type DesignerAction, type DesignerState } from './store';

const run = (state: DesignerState, ...actions: DesignerAction[]) => actions.reduce(designerReducer, state);
const label = (text: string): DesignerAction => ({ type: 'edit', apply: (d) => updateNode(d, 'action_1', { label: text }), group: 'inspector:action_1:label' });

describe('undo and redo', () => {
  it('walks back and forth through edits, and a new edit drops what was undone', () => {
    const start = initialDesignerState(loggingWorkflow());
    let state = run(start, { type: 'addNode', nodeType: 'delay', position: { x: 0, y: 540 } }, { type: 'edit', apply: (d) => updateNode(d, 'end_1', { label: 'Done' }) });
    state = run(state, { type: 'undo' });
    expect(state.definition.nodes.find((n) => n.id === 'end_1')?.label).toBeUndefined();
    state = run(state, { type: 'undo' });
    expect(state.definition).toBe(start.definition);
    expect(canUndo(state)).toBe(false);
    state = run(state, { type: 'redo' });
    expect(state.definition.nodes.map((n) => n.id)).toContain('delay_1');
    state = run(state, { type: 'edit', apply: (d) => updateNode(d, 'end_1', { label: 'Other' }) });
    expect(canRedo(state)).toBe(false);
  });

  it('undoes a change typed into an inspector field as one step', () => {
    const start = initialDesignerState(loggingWorkflow());
    const typed = run(start, label('L'), label('Lo'), label('Log'), label('Log it'));
    expect(typed.history.past).toHaveLength(1);
    expect(run(typed, { type: 'undo' }).definition).toBe(start.definition);
  });

  it('starts a new step for the same field after the selection changed', () => {
    const state = run(initialDesignerState(loggingWorkflow()), label('A'), { type: 'selectNode', id: 'end_1' }, { type: 'selectNode', id: 'action_1' }, label('AB'));
    expect(state.history.past).toHaveLength(2);
  });

  it('undoes a drag as one step however many moves it made, and two drags as two', () => {
    const start = initialDesignerState(loggingWorkflow());
    const move = (x: number): DesignerAction => ({ type: 'edit', apply: (d) => moveNode(d, 'end_1', { x, y: 360 }), group: 'move:end_1' });
    let state = run(start, ...Array.from({ length: 60 }, (_, i) => move(i + 1)));
    expect(state.history.past).toHaveLength(1);
    state = run(state, { type: 'endEdit' }, move(100), move(120));
    expect(state.history.past).toHaveLength(2);
    expect(run(state, { type: 'undo' }).definition.nodes[2]!.position).toEqual({ x: 60, y: 360 });
    expect(run(state, { type: 'undo' }, { type: 'undo' }).definition).toBe(start.definition);
  });

  it('keeps at most the last 100 steps', () => {
    let state = initialDesignerState(loggingWorkflow());
    for (let i = 0; i < HISTORY_LIMIT + 50; i++) state = run(state, { type: 'edit', apply: (d) => updateNode(d, 'end_1', { label: `v${i}` }) });
    expect(state.history.past).toHaveLength(HISTORY_LIMIT);
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) state = run(state, { type: 'undo' });
    expect(state.definition.nodes[2]!.label).toBe('v49');
  });

  it('shares unchanged nodes between steps instead of copying them, so a step costs the same at 1,000 nodes', () => {
    const big = { ...loggingWorkflow(), nodes: Array.from({ length: 1_000 }, (_, i) => ({ id: `n${i}`, type: 'end', position: { x: 0, y: i } })) };
    let state = initialDesignerState(big);
    const started = performance.now();
    for (let i = 0; i < 200; i++) state = run(state, { type: 'edit', apply: (d) => moveNode(d, `n${i}`, { x: 10, y: i }) });
    const elapsed = performance.now() - started;
    console.log(`200 edits of a 1,000-node workflow with history: ${elapsed.toFixed(1)} ms`);
    expect(state.history.past.at(-1)!.nodes[999]).toBe(big.nodes[999]);
    expect(state.history.past[0]!.nodes[500]).toBe(state.definition.nodes[500]);
  });

  it('forgets the selection of nodes an undo removed, and starts over when the server replaced the draft', () => {
    let state = run(initialDesignerState(loggingWorkflow()), { type: 'addNode', nodeType: 'delay', position: { x: 0, y: 540 } });
    expect(state.selectedNodeIds).toEqual(['delay_1']);
    state = run(state, { type: 'undo' });
    expect(state.selectedNodeIds).toEqual([]);
    state = run(state, { type: 'redo' }, { type: 'replaced', definition: loggingWorkflow() });
    expect(canUndo(state) || canRedo(state)).toBe(false);
  });
});

describe('paste', () => {
  it('adds the copies as one undo step and selects them', () => {
    const start = initialDesignerState(loggingWorkflow());
    const clipboard = copyNodes(start.definition, ['action_1', 'end_1'])!;
    const pasted = run(start, { type: 'paste', clipboard, at: { x: 400, y: 0 } });
    expect(pasted.selectedNodeIds).toEqual(['action_2', 'end_2']);
    expect(run(pasted, { type: 'undo' }).definition).toBe(start.definition);
  });

  it('pastes into a forEach body as one undo step too', () => {
    const start = initialDesignerState(forEachWorkflow());
    const clipboard = copyNodes(start.definition, ['logLine', 'lineDone'])!;
    const pasted = run(start, { type: 'paste', clipboard, at: { x: 300, y: 200 }, scope: clipboard.scope });
    expect(pasted.selectedNodeIds).toEqual(['action_2', 'end_2']);
    expect(graphAt(pasted.definition, ['lines'])!.nodes).toHaveLength(4);
    expect(run(pasted, { type: 'undo' }).definition).toBe(start.definition);
  });
});

describe('selection', () => {
  it('selects all nodes and edges, and shows the last selected in the inspector', () => {
    const state = run(initialDesignerState(loggingWorkflow()), { type: 'selectAll' });
    expect(state.selectedNodeIds).toEqual(['trigger_1', 'action_1', 'end_1']);
    expect(state.selectedEdgeIds).toEqual(['e1', 'e2']);
    expect(state.selectedNodeId).toBe('end_1');
  });
});
