import { describe, expect, it } from 'vitest';
import { moveNodes, updateNode } from './edit';
import { loggingWorkflow } from './fixtures';
import { addNote } from './notes';
import { differsOnlyInPlace } from './validation-input';

describe('what the validator is re-run for', () => {
  it('not for a move: only positions changed', () => {
    const before = loggingWorkflow();
    const after = moveNodes(before, new Map([['action_1', { x: 40.4, y: 300 }], ['end_1', { x: 10, y: 700 }]]));
    expect(after.nodes[1]!.position).toEqual({ x: 40, y: 300 });
    expect(after.edges).toBe(before.edges);
    expect(differsOnlyInPlace(before, after)).toBe(true);
  });

  it('for any other edit: a field, an edge, a node added, a note', () => {
    const before = loggingWorkflow();
    expect(differsOnlyInPlace(before, updateNode(before, 'action_1', { label: 'Log' }))).toBe(false);
    expect(differsOnlyInPlace(before, { ...before, edges: before.edges.slice(1) })).toBe(false);
    expect(differsOnlyInPlace(before, { ...before, nodes: [...before.nodes, { id: 'x', type: 'end' }] })).toBe(false);
    expect(differsOnlyInPlace(before, addNote(before, { x: 0, y: 0 }).definition)).toBe(false);
  });

  it('a move to where a node already is changes nothing at all', () => {
    const before = loggingWorkflow();
    expect(moveNodes(before, new Map([['action_1', { x: 0.2, y: 180 }]]))).toBe(before);
  });
});
