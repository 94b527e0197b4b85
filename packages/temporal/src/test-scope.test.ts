import type { WorkflowDefinition, WorkflowNode } from '@cascade/workflow';
import { describe, expect, it } from 'vitest';
import { scopedRun } from './test-scope';

/** trigger → split → (left → join, right → join) → after → end; and split → other → end */
const draft: WorkflowDefinition = {
  schemaVersion: 1,
  name: 'Scopes',
  variables: { limit: 5 },
  nodes: [
    { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
    { id: 'split', type: 'parallel' },
    { id: 'left', type: 'setVariables', assign: { a: 1 } },
    { id: 'right', type: 'setVariables', assign: { b: 2 } },
    { id: 'join', type: 'join', mode: 'all' },
    { id: 'after', type: 'setVariables', assign: { c: 3 } },
    { id: 'other', type: 'setVariables', assign: { d: 4 } },
    { id: 'done', type: 'end' },
  ] as WorkflowNode[],
  edges: [
    ['start', 'split'], ['split', 'left'], ['split', 'right'], ['left', 'join'], ['right', 'join'], ['join', 'after'], ['after', 'done'], ['split', 'other'], ['other', 'done'],
  ].map(([from, to], index) => ({ id: `e${index}`, from: from!, to: to! })),
};

describe('the part of a draft a scoped test runs', () => {
  it('runs one node alone: the trigger and the node, no edge, resumed at the node with the pins as earlier steps', () => {
    const run = scopedRun(draft, { mode: 'node', nodeId: 'after' }, { left: { x: 1 }, after: 'its own pin is not used' });
    expect(run.definition.nodes.map((node) => node.id)).toEqual(['start', 'after']);
    expect(run.definition.edges).toEqual([]);
    expect(run.resume).toEqual({ nodeId: 'after', steps: { left: { output: { x: 1 } } }, vars: { limit: 5 } });
  });

  it('runs from a node on the whole draft, resumed there', () => {
    const run = scopedRun(draft, { mode: 'from', nodeId: 'join' }, { left: 1, right: 2 });
    expect(run.definition).toBe(draft);
    expect(run.resume).toMatchObject({ nodeId: 'join', steps: { left: { output: 1 }, right: { output: 2 } } });
  });

  it('runs up to a node: its ancestors and itself, every branch into a join kept, no edge out of it', () => {
    const run = scopedRun(draft, { mode: 'upTo', nodeId: 'join' }, { left: 1 });
    expect(run.definition.nodes.map((node) => node.id).sort()).toEqual(['join', 'left', 'right', 'split', 'start']);
    expect(run.definition.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual(['start->split', 'split->left', 'split->right', 'left->join', 'right->join']);
    expect(run.resume).toBeUndefined();
  });
  it('runs a node inside nested bodies alone: lifted beside the trigger, each body’s item and index standing in for its own pin', () => {
    const looped = {
      ...draft,
      nodes: [
        draft.nodes[0]!,
        {
          id: 'lines', type: 'forEach', items: 'event.data.lines', concurrency: 1,
          body: {
            nodes: [{ id: 'parts', type: 'forEach', items: 'steps.lines.item.parts', concurrency: 1, body: { nodes: [{ id: 'note', type: 'setVariables', assign: { n: 1 } }], edges: [{ id: 'p', from: 'parts', to: 'note', port: 'item' }] } }],
            edges: [{ id: 'l', from: 'lines', to: 'parts', port: 'item' }],
          },
        },
      ] as WorkflowNode[],
      edges: [{ id: 'e', from: 'start', to: 'lines' }],
    };
    const iterations = { lines: { item: { parts: [7] }, index: 2 }, parts: { item: 7, index: 0 } };
    const run = scopedRun(looped, { mode: 'node', nodeId: 'note' }, { lines: ['the loop’s own output'], left: 1 }, iterations);
    expect(run.definition.nodes.map((node) => node.id)).toEqual(['start', 'note']);
    expect(run.resume?.steps).toEqual({ left: { output: 1 }, lines: { item: { parts: [7] }, index: 2 }, parts: { item: 7, index: 0 } });
  });
});
