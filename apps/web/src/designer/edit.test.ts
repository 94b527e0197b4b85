import { describe, expect, it } from 'vitest';
import { connect, connectionProblem, insertNodeOnEdge, moveNode, newEdgeProblem, removeEdges, removeNodes, removePortEdges, renameNode, renamePort, updateNode } from './edit';
import { loggingWorkflow } from './fixtures';
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
