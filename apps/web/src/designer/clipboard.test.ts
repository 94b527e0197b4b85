import { describe, expect, it } from 'vitest';
import { graphAt } from './bodies';
import { besideOriginal, copyNodes, copyNotice, pasteNodes, pasteTarget } from './clipboard';
import type { DraftDefinition } from './draft';
import { forEachWorkflow, loggingWorkflow } from './fixtures';
import { BODY_HEADER, BODY_PADDING } from './group-geometry';

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

describe('copy and paste inside a forEach body', () => {
  const bodyOfLines = (definition: DraftDefinition) => graphAt(definition, ['lines'])!;

  it('copies steps selected inside a body with the edges between them, but not the edge entering the body', () => {
    const clipboard = copyNodes(forEachWorkflow(), ['logLine', 'lineDone'])!;
    expect(clipboard.scope).toEqual(['lines']);
    expect(clipboard.nodes.map((n) => n.id)).toEqual(['logLine', 'lineDone']);
    expect(clipboard.edges).toEqual([{ id: 'b1', from: 'logLine', to: 'lineDone', port: 'next' }]);
    expect(clipboard.leftOut).toBe(0);
    expect(copyNotice(clipboard)).toBeUndefined();
  });

  it('pastes into the body they came from, with ids unique across every flow, leaving the top level as it was', () => {
    const workflow = forEachWorkflow();
    const clipboard = copyNodes(workflow, ['logLine', 'lineDone'])!;
    const pasted = pasteNodes(workflow, clipboard, { x: 300, y: 200 }, clipboard.scope);
    // action_1 and end_1 are taken on the top level, e1 and e2 there too.
    expect(pasted.ids).toEqual(['action_2', 'end_2']);
    expect(pasted.definition.nodes.map((n) => n.id)).toEqual(workflow.nodes.map((n) => n.id));
    expect(pasted.definition.edges).toEqual(workflow.edges);
    const body = bodyOfLines(pasted.definition);
    expect(body.nodes.map((n) => n.id)).toEqual(['logLine', 'lineDone', 'action_2', 'end_2']);
    expect(body.nodes.slice(2).map((n) => n.position)).toEqual([{ x: 300, y: 200 }, { x: 300, y: 380 }]);
    expect(body.edges.at(-1)).toEqual({ id: 'e3', from: 'action_2', to: 'end_2', port: 'next' });
  });

  it('pastes steps copied from a body on the top level when that is where they go, or when the body is gone', () => {
    const workflow = forEachWorkflow();
    const clipboard = copyNodes(workflow, ['logLine'])!;
    const onTop = pasteNodes(workflow, clipboard, { x: 900, y: 0 });
    expect(onTop.definition.nodes.at(-1)).toMatchObject({ id: 'action_2', position: { x: 900, y: 0 } });
    expect(bodyOfLines(onTop.definition)).toEqual(bodyOfLines(workflow));
    const withoutBody = { ...workflow, nodes: workflow.nodes.filter((n) => n.id !== 'lines') };
    expect(pasteNodes(withoutBody, clipboard, { x: 0, y: 0 }, ['lines']).definition.nodes.at(-1)?.id).toBe('action_2');
  });

  it('duplicates a step beside the original, in its own body', () => {
    const workflow = forEachWorkflow();
    const clipboard = copyNodes(workflow, ['logLine'])!;
    const duplicated = pasteNodes(workflow, clipboard, besideOriginal(clipboard), clipboard.scope);
    expect(bodyOfLines(duplicated.definition).nodes.at(-1)).toMatchObject({ id: 'action_2', position: { x: 64, y: 238 } });
  });

  it('copies only the flow holding most of a selection spanning two, and says what it left out', () => {
    const workflow = forEachWorkflow();
    const clipboard = copyNodes(workflow, ['end_1', 'logLine', 'lineDone'])!;
    expect(clipboard.scope).toEqual(['lines']);
    expect(clipboard.nodes.map((n) => n.id)).toEqual(['logLine', 'lineDone']);
    expect(clipboard.leftOut).toBe(1);
    expect(copyNotice(clipboard)).toBe('Copied the 2 selected node(s) of the body of lines only: 1 selected elsewhere were left out, as edges cannot cross into or out of a forEach body.');
    // No edge of the copy leads out of it.
    const inside = new Set(clipboard.nodes.map((n) => n.id));
    expect(clipboard.edges.every((e) => inside.has(e.from) && inside.has(e.to))).toBe(true);
    // On a tie, the flow of the first selected node.
    expect(copyNodes(workflow, ['end_1', 'logLine'])).toMatchObject({ scope: [], leftOut: 1 });
  });

  it('takes a step inside a selected forEach along with its group, not as a flow of its own', () => {
    const clipboard = copyNodes(forEachWorkflow(), ['logLine', 'lineDone', 'lines'])!;
    expect(clipboard).toMatchObject({ scope: [], leftOut: 0 });
    expect(clipboard.nodes.map((n) => n.id)).toEqual(['lines']);
  });

  it('ignores ids no flow holds', () => {
    expect(copyNodes(forEachWorkflow(), ['nowhere', 'trigger_1'])).toBeUndefined();
  });
});

describe('where a paste at the pointer goes', () => {
  const group = { position: { x: 300, y: 180 }, width: 400, height: 500 };
  const fromBody = copyNodes(forEachWorkflow(), ['logLine'])!;

  it('into the body copied from while the pointer is over its group, relative to the group, below its card', () => {
    expect(pasteTarget(fromBody, { x: 400, y: 500 }, group)).toEqual({ at: { x: 100, y: 320 }, scope: ['lines'] });
    expect(pasteTarget(fromBody, { x: 301, y: 190 }, group)).toEqual({ at: { x: BODY_PADDING, y: BODY_HEADER + BODY_PADDING }, scope: ['lines'] });
  });

  it('onto the top level at the pointer anywhere else, when the group is not drawn open, or for nodes copied from the top level', () => {
    expect(pasteTarget(fromBody, { x: 100, y: 100 }, group)).toEqual({ at: { x: 100, y: 100 }, scope: [] });
    expect(pasteTarget(fromBody, { x: 400, y: 500 }, undefined)).toEqual({ at: { x: 400, y: 500 }, scope: [] });
    expect(pasteTarget(copyNodes(forEachWorkflow(), ['end_1'])!, { x: 400, y: 500 }, group)).toEqual({ at: { x: 400, y: 500 }, scope: [] });
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
