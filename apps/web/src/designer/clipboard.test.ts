import { describe, expect, it } from 'vitest';
import { besideOriginal, copyNodes, pasteNodes } from './clipboard';
import type { DraftDefinition } from './draft';
import { loggingWorkflow } from './fixtures';

describe('copy and paste', () => {
  it('copies the selected nodes with the edges between them, dropping edges to nodes left behind', () => {
    const clipboard = copyNodes(loggingWorkflow(), ['action_1', 'end_1']);
    expect(clipboard?.nodes.map((n) => n.id)).toEqual(['action_1', 'end_1']);
    expect(clipboard?.edges).toEqual([{ id: 'e2', from: 'action_1', to: 'end_1', port: 'next' }]);
  });

  it('never copies the trigger, the workflow’s one root', () => {
    expect(copyNodes(loggingWorkflow(), ['trigger_1'])).toBeUndefined();
    expect(copyNodes(loggingWorkflow(), ['trigger_1', 'end_1'])?.nodes.map((n) => n.id)).toEqual(['end_1']);
  });

  it('pastes with fresh node and edge ids, the internal edge following the renamed nodes, at the pointer', () => {
    const workflow = loggingWorkflow();
    const pasted = pasteNodes(workflow, copyNodes(workflow, ['action_1', 'end_1'])!, { x: 500, y: 1000 });
    expect(pasted.ids).toEqual(['action_2', 'end_2']);
    expect(pasted.definition.nodes.slice(3)).toMatchObject([
      { id: 'action_2', type: 'action', action: 'core.log', position: { x: 500, y: 1000 } },
      { id: 'end_2', type: 'end', position: { x: 500, y: 1180 } },
    ]);
    expect(pasted.definition.edges.slice(2)).toEqual([{ id: 'e3', from: 'action_2', to: 'end_2', port: 'next' }]);
    expect(pasted.definition.nodes.slice(0, 3)).toEqual(workflow.nodes);
  });

  it('renames the nodes and edges of a copied forEach body too, as ids are unique across bodies', () => {
    const workflow: DraftDefinition = {
      ...loggingWorkflow(),
      nodes: [
        ...loggingWorkflow().nodes,
        {
          id: 'forEach_1', type: 'forEach', items: { $expr: 'event.data.lines' }, position: { x: 300, y: 0 },
          body: { nodes: [{ id: 'action_9', type: 'action', action: 'core.log' }], edges: [{ id: 'e9', from: 'forEach_1', to: 'action_9' }] },
        },
      ],
    };
    const pasted = pasteNodes(workflow, copyNodes(workflow, ['forEach_1'])!, { x: 0, y: 0 });
    const copy = pasted.definition.nodes.at(-1)!;
    expect(copy.id).toBe('forEach_2');
    expect(copy.body).toEqual({ nodes: [{ id: 'action_2', type: 'action', action: 'core.log' }], edges: [{ id: 'e3', from: 'forEach_2', to: 'action_2' }] });
  });

  it('duplicates next to the original, and pasting twice gives two distinct copies', () => {
    const workflow = loggingWorkflow();
    const clipboard = copyNodes(workflow, ['end_1'])!;
    expect(besideOriginal(clipboard)).toEqual({ x: 40, y: 400 });
    const once = pasteNodes(workflow, clipboard, besideOriginal(clipboard));
    const twice = pasteNodes(once.definition, clipboard, besideOriginal(clipboard));
    expect([once.ids, twice.ids]).toEqual([['end_2'], ['end_3']]);
  });
});

describe('pasting at scale', () => {
  it('pastes 1,000 nodes with 999 edges in linear time', () => {
    const nodes = Array.from({ length: 1_000 }, (_, i) => ({ id: `action_${i + 1}`, type: 'action', position: { x: 0, y: i * 180 } }));
    const edges = nodes.slice(1).map((node, i) => ({ id: `e${i + 1}`, from: nodes[i]!.id, to: node.id }));
    const workflow: DraftDefinition = { schemaVersion: 1, name: 'Big', nodes, edges };
    const started = performance.now();
    const pasted = pasteNodes(workflow, copyNodes(workflow, nodes.map((n) => n.id))!, { x: 500, y: 0 });
    console.log(`copy + paste of 1,000 nodes and 999 edges: ${(performance.now() - started).toFixed(1)} ms`);
    expect(pasted.ids.at(-1)).toBe('action_2000');
    expect(pasted.definition.edges.at(-1)).toEqual({ id: 'e1998', from: 'action_1999', to: 'action_2000' });
  });
});
