import { describe, expect, it } from 'vitest';
import { connect, connectionProblem, moveNode, removeEdges, removeNodes, removePortEdges, renameNode, renamePort, updateNode } from './edit';
import { loggingWorkflow } from './fixtures';
import { createNode } from './new-node';

describe('edits of the definition', () => {
  it('re-routes a port when it is connected again, instead of fanning out', () => {
    const definition = connect(loggingWorkflow(), { from: 'trigger_1', port: 'next', to: 'end_1' });
    expect(definition.edges).toEqual([
      { id: 'e2', from: 'action_1', to: 'end_1', port: 'next' },
      { id: 'e3', from: 'trigger_1', to: 'end_1', port: 'next' },
    ]);
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
    expect(connectionProblem(definition, { from: 'action_1', port: 'error', to: 'trigger_1' })).toMatch(/trigger/);
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
