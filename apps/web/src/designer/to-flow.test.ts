import { describe, expect, it } from 'vitest';
import { forEachWorkflow, loggingWorkflow } from './fixtures';
import { BODY_HEADER } from './group-geometry';
import { createNode } from './new-node';
import { moveNodes } from './edit';
import { createFlowCache, NODE_WIDTH, toFlowEdges, toFlowNodes } from './to-flow';

describe('definition → React Flow', () => {
  it('draws one node per definition node, with one handle per outgoing port', () => {
    const definition = loggingWorkflow();
    definition.nodes.push(
      { id: 'check', type: 'condition', expression: 'true' },
      { id: 'route', type: 'switch', cases: [{ port: 'urgent', expression: 'true' }, { port: 'later', expression: 'false' }] },
      createNode(definition, 'forEach', { x: 0, y: 0 }),
    );
    const nodes = toFlowNodes(definition);
    expect(nodes.map((node) => [node.id, node.data.ports])).toEqual([
      ['trigger_1', ['next']],
      ['action_1', ['next', 'error']],
      ['end_1', []],
      ['check', ['true', 'false', 'error']],
      ['route', ['urgent', 'later', 'default', 'error']],
      // The item port leads into the body, which the outer canvas does not draw.
      ['forEach_1', ['done', 'error']],
    ]);
    // The run view's cards: a forEach too is a plain card, its body folded.
    expect(nodes[5]).toMatchObject({ type: 'workflow' });
    expect(nodes[5]!.data.body).toBeUndefined();
    expect(nodes[0]).toMatchObject({ type: 'workflow', position: { x: 0, y: 0 }, deletable: false, data: { typeLabel: 'Trigger', acceptsIncoming: false } });
    expect(nodes[1]!.data).toMatchObject({ summary: 'core.log', acceptsIncoming: true });
  });

  it('places nodes that were never placed one row each, and hands back measured sizes and problems', () => {
    const definition = loggingWorkflow();
    delete definition.nodes[2]!.position;
    const problem = { nodeId: 'end_1', code: 'unreachable', message: 'No path' } as const;
    const [, , end] = toFlowNodes(definition, {
      selectedNodeId: 'end_1',
      sizes: new Map([['end_1', { width: 200, height: 80 }]]),
      problemsByNode: new Map([['end_1', [problem]]]),
    });
    expect(end).toMatchObject({ position: { x: 0, y: 360 }, selected: true, measured: { width: 200, height: 80 }, data: { problems: [problem] } });
  });

  it('turns edges into connections from the port handle, labelled unless they take the default port', () => {
    const definition = loggingWorkflow();
    definition.edges.push({ id: 'e3', from: 'action_1', to: 'end_1', port: 'error' }, { id: 'e4', from: 'trigger_1', to: 'end_1' });
    expect(toFlowEdges(definition, { selectedEdgeIds: new Set(['e3']) }).slice(1)).toEqual([
      { id: 'e2', source: 'action_1', target: 'end_1', sourceHandle: 'next', targetHandle: 'in', selected: false, data: { port: 'next' } },
      { id: 'e3', source: 'action_1', target: 'end_1', sourceHandle: 'error', targetHandle: 'in', selected: true, label: 'error', data: { port: 'error' } },
      { id: 'e4', source: 'trigger_1', target: 'end_1', sourceHandle: 'next', targetHandle: 'in', selected: false, data: { port: 'next' } },
    ]);
  });
});

describe('the derivation cache', () => {
  it('hands back the very same object for a node or edge that did not change', () => {
    const cache = createFlowCache();
    const definition = loggingWorkflow();
    const nodes = cache.nodes(definition);
    const edges = cache.edges(definition);
    const moved = moveNodes(definition, new Map([['action_1', { x: 50, y: 200 }]]));
    const next = cache.nodes(moved);
    expect(next[0]).toBe(nodes[0]);
    expect(next[2]).toBe(nodes[2]);
    expect(next[1]).not.toBe(nodes[1]);
    expect(next[1]!.position).toEqual({ x: 50, y: 200 });
    expect(cache.edges(moved)[0]).toBe(edges[0]);
  });

  it('rebuilds only the nodes whose selection or problems changed, comparing problems by what they say', () => {
    const cache = createFlowCache();
    const definition = loggingWorkflow();
    const problem = () => ({ nodeId: 'end_1', code: 'unreachable', message: 'No path' }) as const;
    const first = cache.nodes(definition, { problemsByNode: new Map([['end_1', [problem()]]]) });
    // The validator ran again and found the same problem: a new object, the same card.
    const again = cache.nodes(definition, { problemsByNode: new Map([['end_1', [problem()]]]) });
    expect(again).toEqual(first);
    again.forEach((node, index) => expect(node).toBe(first[index]));
    const selected = cache.nodes(definition, { selectedNodeId: 'trigger_1', problemsByNode: new Map([['end_1', [problem()]]]) });
    expect(selected[0]).not.toBe(first[0]);
    expect(selected[0]!.selected).toBe(true);
    expect(selected.slice(1)).toEqual(first.slice(1));
    expect(selected[1]).toBe(first[1]);
    const fixed = cache.nodes(definition, { selectedNodeId: 'trigger_1' });
    expect(fixed[2]).not.toBe(first[2]);
    expect(fixed[2]!.data.problems).toEqual([]);
  });

  it('gives every node a size and handles before it is measured, so it is shown at once and edges to it can be drawn', () => {
    const [trigger, action, end] = createFlowCache().nodes(loggingWorkflow());
    expect(trigger).toMatchObject({ initialWidth: NODE_WIDTH, measured: { width: NODE_WIDTH }, handles: [{ id: 'next', type: 'source' }] });
    expect(action!.handles!.map((handle) => handle.id)).toEqual(['in', 'next', 'error']);
    expect(action!.handles![1]!.x).toBeLessThan(action!.handles![2]!.x);
    expect(end!.initialHeight).toBeLessThan(action!.initialHeight!);
  });
});

describe('a body on the canvas', () => {
  it('draws a node holding a body as a group, its steps inside it (parents first) and its body\'s edges', () => {
    const cache = createFlowCache();
    const definition = forEachWorkflow();
    const nodes = cache.nodes(definition);
    expect(nodes.map((node) => [node.id, node.type, node.parentId])).toEqual([
      ['trigger_1', 'workflow', undefined],
      ['action_1', 'workflow', undefined],
      ['end_1', 'workflow', undefined],
      ['lines', 'body', undefined],
      ['logLine', 'workflow', 'lines'],
      ['lineDone', 'workflow', 'lines'],
    ]);
    const group = nodes[3]!;
    expect(group.data.body).toEqual({ port: 'item', expanded: true, steps: 2, entryX: 24 + NODE_WIDTH / 2 });
    // The group is the box around its steps, and has a handle for the port into its body.
    expect(group.height).toBeGreaterThan(378);
    expect(group.handles!.map((handle) => handle.id)).toEqual(['in', 'done', 'error', 'item']);
    expect(nodes[4]).toMatchObject({ extent: [[0, BODY_HEADER], [Infinity, Infinity]], position: { x: 24, y: 198 } });
    const edges = cache.edges(definition);
    expect(edges.map((edge) => [edge.id, edge.sourceHandle])).toEqual([['e1', 'next'], ['e2', 'next'], ['lines_item', 'item'], ['b1', 'next']]);
    // The edge into the body runs beneath the group, so the group's entry handle stays within reach.
    expect(edges[2]).toMatchObject({ zIndex: -1 });
    expect(edges[2]).not.toHaveProperty('label');
  });

  it('folds a body away: the node is a card with its step count, its steps and their edges left out', () => {
    const cache = createFlowCache();
    const definition = forEachWorkflow();
    const open = cache.nodes(definition);
    const folded = cache.nodes(definition, { collapsed: new Set(['lines']) });
    expect(folded.map((node) => node.id)).toEqual(['trigger_1', 'action_1', 'end_1', 'lines']);
    expect(folded[3]).not.toBe(open[3]);
    expect(folded[3]!.data.body).toMatchObject({ port: 'item', expanded: false, steps: 2 });
    expect(folded[3]!.height).toBeUndefined();
    expect(cache.edges(definition, { collapsed: new Set(['lines']) }).map((edge) => edge.id)).toEqual(['e1', 'e2']);
  });

  it('re-derives a step and its group when the step moves, and nothing else', () => {
    const cache = createFlowCache();
    const definition = forEachWorkflow();
    const before = cache.nodes(definition);
    const after = cache.nodes(moveNodes(definition, new Map([['lineDone', { x: 300, y: 500 }]])));
    expect(after[0]).toBe(before[0]);
    expect(after[4]).toBe(before[4]);
    expect(after[5]!.position).toEqual({ x: 300, y: 500 });
    expect(after[3]!.width).toBeGreaterThan(before[3]!.width!);
  });

  it('names every node for a screen reader by type and name, and describes what it does and its problems', () => {
    const problem = { nodeId: 'logLine', field: 'action', code: 'unknown-action', message: 'No such action' } as const;
    const nodes = createFlowCache().nodes(forEachWorkflow(), { problemsByNode: new Map([['logLine', [problem]]]) });
    expect(nodes[3]).toMatchObject({ ariaLabel: 'For each lines', domAttributes: { 'aria-description': expect.stringMatching(/body of 2 node\(s\)\. No problems/) } });
    expect(nodes[4]!.domAttributes!['aria-description']).toMatch(/1 problem\(s\): action: No such action/);
  });
});
