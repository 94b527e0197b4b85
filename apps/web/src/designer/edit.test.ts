import { describe, expect, it } from 'vitest';
import { graphOf } from './bodies';
import { addNode, connect, connectionProblem, insertNodeOnEdge, moveNode, moveNodes, newEdgeProblem, removeEdges, removeNodes, removePortEdges, renameNode, renamePort, updateNode } from './edit';
import { forEachWorkflow, loggingWorkflow } from './fixtures';
import { createNode } from './new-node';

describe('edits of the definition', () => {
  it('refuses a second edge on a port, as the validator would, instead of quietly replacing the first', () => {
    const definition = loggingWorkflow();
    expect(newEdgeProblem(definition, { from: 'trigger_1', port: 'next', to: 'end_1' })).toBe(
      'Port "next" already has an edge (to "action_1"); delete it first, or lead it into a parallel node',
    );
    expect(connect(definition, { from: 'trigger_1', port: 'next', to: 'end_1' })).toBe(definition);
    expect(newEdgeProblem(definition, { from: 'trigger_1', port: 'next', to: 'action_1' })).toBe('Port "next" already leads to "action_1"');
  });

  it('refuses an edge that would close a cycle, however long', () => {
    const definition = loggingWorkflow();
    expect(newEdgeProblem(definition, { from: 'action_1', port: 'error', to: 'action_1' })).toBe('A node cannot lead to itself');
    definition.nodes.push({ id: 'delay_1', type: 'delay', duration: 'PT1H' });
    definition.edges.push({ id: 'e3', from: 'action_1', to: 'delay_1', port: 'error' });
    expect(newEdgeProblem(definition, { from: 'delay_1', port: 'next', to: 'trigger_1' })).toBe('A trigger has no input: it starts the workflow');
    expect(newEdgeProblem(definition, { from: 'delay_1', port: 'next', to: 'action_1' })).toMatch(/^This edge would create a cycle: "action_1" already leads to "delay_1"/);
    expect(newEdgeProblem(definition, { from: 'delay_1', port: 'next', to: 'end_1' })).toBeUndefined();
  });

  it('puts a node on an edge: the edge leads into it, and its first port on to the old target', () => {
    const definition = loggingWorkflow();
    const node = createNode(definition, 'condition', { x: 0, y: 90 });
    const inserted = insertNodeOnEdge(definition, 'e1', node);
    expect(inserted.edges).toEqual([
      { id: 'e1', from: 'trigger_1', to: 'condition_1', port: 'next' },
      { id: 'e2', from: 'action_1', to: 'end_1', port: 'next' },
      { id: 'e3', from: 'condition_1', to: 'action_1', port: 'true' },
    ]);
    // A node with no way out cannot sit between two others: it is only added.
    const end = insertNodeOnEdge(definition, 'e1', createNode(definition, 'end', { x: 0, y: 90 }));
    expect(end.edges).toEqual(definition.edges);
    expect(end.nodes).toHaveLength(4);
    expect(insertNodeOnEdge(definition, 'no-such-edge', node).edges).toEqual(definition.edges);
  });

  it('adds a branch to a parallel node and leaves an existing edge alone', () => {
    let definition = loggingWorkflow();
    definition.nodes.push({ id: 'parallel_1', type: 'parallel' });
    definition = connect(definition, { from: 'parallel_1', port: 'next', to: 'action_1' });
    definition = connect(definition, { from: 'parallel_1', port: 'next', to: 'end_1' });
    expect(connect(definition, { from: 'parallel_1', port: 'next', to: 'end_1' })).toBe(definition);
    expect(definition.edges.filter((edge) => edge.from === 'parallel_1').map((edge) => edge.to)).toEqual(['action_1', 'end_1']);
  });

  it('keeps each port of a node apart', () => {
    const definition = connect(loggingWorkflow(), { from: 'action_1', port: 'error', to: 'end_1' });
    expect(definition.edges.filter((edge) => edge.from === 'action_1').map((edge) => edge.port)).toEqual(['next', 'error']);
  });

  it('refuses loops onto the same node and edges into the trigger', () => {
    const definition = loggingWorkflow();
    expect(connectionProblem(definition, { from: 'action_1', port: 'next', to: 'action_1' })).toBe('A node cannot lead to itself');
    expect(connectionProblem(definition, { from: 'action_1', port: 'error', to: 'trigger_1' })).toBe('A trigger has no input: it starts the workflow');
    expect(connect(definition, { from: 'action_1', port: 'error', to: 'trigger_1' })).toBe(definition);
  });

  it('removes a node with the edges that touch it, and edges by id', () => {
    expect(removeNodes(loggingWorkflow(), ['action_1']).edges).toEqual([]);
    expect(removeEdges(loggingWorkflow(), ['e1']).edges.map((edge) => edge.id)).toEqual(['e2']);
  });

  it('renames a node in its edges and in its forEach body', () => {
    let definition = loggingWorkflow();
    definition.nodes.push(createNode(definition, 'forEach', { x: 0, y: 0 }));
    definition = renameNode(renameNode(definition, 'action_1', 'logBreach'), 'forEach_1', 'perLine');
    expect(definition.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual(['trigger_1->logBreach', 'logBreach->end_1']);
    expect(definition.nodes.at(-1)).toMatchObject({ id: 'perLine', body: { edges: [{ from: 'perLine', port: 'item' }] } });
  });

  it('removes a field set to undefined and stores whole-pixel positions', () => {
    let definition = updateNode(loggingWorkflow(), 'trigger_1', { filter: 'event.data.overdueBySeconds > 60' });
    definition = updateNode(definition, 'trigger_1', { filter: undefined });
    expect(definition.nodes[0]).not.toHaveProperty('filter');
    expect(moveNode(definition, 'end_1', { x: 10.4, y: 99.6 }).nodes[2]!.position).toEqual({ x: 10, y: 100 });
  });

  it('moves the edges of a renamed switch case along, and drops those of a removed one', () => {
    let definition = loggingWorkflow();
    definition.nodes.push({ id: 'route', type: 'switch', cases: [{ port: 'urgent', expression: 'true' }] });
    definition = connect(connect(definition, { from: 'route', port: 'urgent', to: 'action_1' }), { from: 'route', port: 'default', to: 'end_1' });
    definition = renamePort(definition, 'route', 'urgent', 'breached');
    expect(definition.edges.filter((e) => e.from === 'route').map((e) => e.port)).toEqual(['breached', 'default']);
    expect(removePortEdges(definition, 'route', 'breached').edges.filter((e) => e.from === 'route').map((e) => e.port)).toEqual(['default']);
  });
});

describe('edits inside a body', () => {
  const body = (definition: ReturnType<typeof forEachWorkflow>) => graphOf(definition, 'lineDone')!;

  it('adds a step to a body, changes it, moves it and removes it, each leaving the rest as it was', () => {
    let definition = addNode(forEachWorkflow(), { id: 'wait_1', type: 'delay', duration: 'PT1M' }, 'lines');
    expect(body(definition).nodes.map((node) => node.id)).toEqual(['logLine', 'lineDone', 'wait_1']);
    expect(definition.nodes).toHaveLength(4);
    definition = updateNode(definition, 'wait_1', { label: 'Pause' });
    definition = moveNodes(definition, new Map([['wait_1', { x: 260.4, y: 200 }], ['action_1', { x: 5, y: 5 }]]));
    expect(body(definition).nodes[2]).toMatchObject({ label: 'Pause', position: { x: 260, y: 200 } });
    expect(definition.nodes[1]!.position).toEqual({ x: 5, y: 5 });
    definition = removeNodes(definition, ['logLine']);
    expect(body(definition).nodes.map((node) => node.id)).toEqual(['lineDone', 'wait_1']);
    // The entry edge and the edge out of the removed step go with it.
    expect(body(definition).edges).toEqual([]);
  });

  it('leaves a body untouched by an edit of the top level, and a move that lands where a step is', () => {
    const definition = forEachWorkflow();
    const edited = updateNode(definition, 'action_1', { label: 'Log' });
    expect(edited.nodes[3]).toBe(definition.nodes[3]);
    expect(moveNode(definition, 'logLine', { x: 24, y: 198 })).toBe(definition);
    expect(addNode(definition, { id: 'x', type: 'end' }, 'action_1')).toBe(definition);
  });

  it('connects steps of one body in that body, and its entry port only into it', () => {
    let definition = addNode(forEachWorkflow(), { id: 'wait_1', type: 'delay' }, 'lines');
    // The entry port leads to one step: a second edge from it is refused, as on the top level.
    expect(newEdgeProblem(definition, { from: 'lines', port: 'item', to: 'wait_1' })).toMatch(/^Port "item" already has an edge \(to "logLine"\)/);
    expect(connect(definition, { from: 'lines', port: 'item', to: 'wait_1' })).toBe(definition);
    definition = removeEdges(definition, ['lines_item']);
    definition = connect(definition, { from: 'lines', port: 'item', to: 'wait_1' });
    definition = connect(definition, { from: 'wait_1', port: 'next', to: 'logLine' });
    expect(body(definition).edges.map((edge) => `${edge.from}.${edge.port}->${edge.to}`)).toEqual(['logLine.next->lineDone', 'lines.item->wait_1', 'wait_1.next->logLine']);
    expect(definition.edges).toEqual(forEachWorkflow().edges);
    // Edge ids stay unique across every graph.
    expect(body(definition).edges.map((edge) => edge.id)).toEqual(['b1', 'e3', 'e4']);
  });

  it('refuses edges between a body and the graph around it, saying why', () => {
    const definition = forEachWorkflow();
    expect(connectionProblem(definition, { from: 'action_1', port: 'next', to: 'logLine' })).toMatch(/inside the body of lines/);
    expect(connectionProblem(definition, { from: 'logLine', port: 'next', to: 'end_1' })).toMatch(/leads only to steps of that body/);
    expect(connectionProblem(definition, { from: 'lines', port: 'item', to: 'end_1' })).toMatch(/leads into its body/);
    expect(connectionProblem(definition, { from: 'lines', port: 'done', to: 'logLine' })).toMatch(/inside the body/);
    expect(connectionProblem(definition, { from: 'ghost', port: 'next', to: 'logLine' })).toMatch(/no node "ghost"/);
    expect(connect(definition, { from: 'action_1', port: 'next', to: 'logLine' })).toBe(definition);
    expect(connectionProblem(definition, { from: 'lines', port: 'done', to: 'end_1' })).toBeUndefined();
    // The canvas asks the same rule before drawing: one home for it.
    expect(newEdgeProblem(definition, { from: 'action_1', port: 'error', to: 'logLine' })).toMatch(/inside the body of lines/);
    expect(newEdgeProblem(definition, { from: 'lines', port: 'item', to: 'end_1' })).toMatch(/leads into its body/);
    expect(newEdgeProblem(definition, { from: 'lines', port: 'done', to: 'end_1' })).toBeUndefined();
  });

  it('refuses a cycle among a body’s steps, and a second edge on a step’s port', () => {
    const definition = addNode(forEachWorkflow(), { id: 'wait_1', type: 'delay', duration: 'PT1M' }, 'lines');
    const chained = connect(definition, { from: 'wait_1', port: 'next', to: 'logLine' });
    expect(newEdgeProblem(chained, { from: 'logLine', port: 'error', to: 'wait_1' })).toMatch(/^This edge would create a cycle: "wait_1" already leads to "logLine"/);
    expect(newEdgeProblem(chained, { from: 'logLine', port: 'next', to: 'wait_1' })).toMatch(/^Port "next" already has an edge \(to "lineDone"\)/);
    expect(newEdgeProblem(chained, { from: 'logLine', port: 'error', to: 'lineDone' })).toBeUndefined();
  });

  it('puts a node on an edge of a body, in that body, and on the body’s entry edge', () => {
    const onStep = insertNodeOnEdge(forEachWorkflow(), 'b1', { id: 'wait_1', type: 'delay', duration: 'PT1M', position: { x: 24, y: 300 } });
    expect(body(onStep).nodes.map((node) => node.id)).toEqual(['logLine', 'lineDone', 'wait_1']);
    expect(body(onStep).edges.map((edge) => `${edge.id}:${edge.from}.${edge.port}->${edge.to}`)).toEqual(['lines_item:lines.item->logLine', 'b1:logLine.next->wait_1', 'e3:wait_1.next->lineDone']);
    expect(onStep.edges).toEqual(forEachWorkflow().edges);
    const onEntry = insertNodeOnEdge(forEachWorkflow(), 'lines_item', { id: 'check_1', type: 'condition', expression: 'true' });
    expect(body(onEntry).edges.map((edge) => `${edge.from}.${edge.port}->${edge.to}`)).toEqual(['lines.item->check_1', 'logLine.next->lineDone', 'check_1.true->logLine']);
    expect(onEntry.nodes.map((node) => node.id)).toEqual(forEachWorkflow().nodes.map((node) => node.id));
  });

  it('renames a step in the edges of its body, removes body edges by id, and drops a body with its node', () => {
    let definition = renameNode(forEachWorkflow(), 'logLine', 'logIt');
    expect(graphOf(definition, 'logIt')!.edges.map((edge) => `${edge.from}->${edge.to}`)).toEqual(['lines->logIt', 'logIt->lineDone']);
    definition = removeEdges(definition, ['b1']);
    expect(graphOf(definition, 'logIt')!.edges.map((edge) => edge.id)).toEqual(['lines_item']);
    expect(graphOf(removeNodes(definition, ['lines']), 'logIt')).toBeUndefined();
  });
});
