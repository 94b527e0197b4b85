import { describe, expect, it } from 'vitest';
import { editEveryGraph, editGraph, findNode, graphOf, holdsBody, scopeOf } from './bodies';
import { forEachWorkflow, loggingWorkflow } from './fixtures';

describe('the graphs of a workflow', () => {
  it('finds a node at any depth, with the graph and the scope that hold it', () => {
    const definition = forEachWorkflow();
    expect(scopeOf(definition, 'action_1')).toEqual([]);
    expect(scopeOf(definition, 'logLine')).toEqual(['lines']);
    expect(scopeOf(definition, 'nowhere')).toBeUndefined();
    expect(findNode(definition, 'lineDone')).toMatchObject({ type: 'end' });
    expect(graphOf(definition, 'logLine')!.edges.map((edge) => edge.id)).toEqual(['lines_item', 'b1']);
    expect(holdsBody(findNode(definition, 'lines'))).toBe(true);
    expect(holdsBody(findNode(definition, 'action_1'))).toBe(false);
  });

  it('changes one body and copies only the path down to it', () => {
    const definition = forEachWorkflow();
    const edited = editGraph(definition, ['lines'], (graph) => ({ ...graph, edges: [] }));
    expect(edited.nodes[0]).toBe(definition.nodes[0]);
    expect(graphOf(edited, 'logLine')!.edges).toEqual([]);
    expect((edited.nodes[3]!.body as { items?: unknown; nodes: unknown[] }).nodes).toHaveLength(2);
  });

  it('hands back the very workflow when an edit changes nothing, or its scope is not there', () => {
    const definition = forEachWorkflow();
    expect(editGraph(definition, ['lines'], (graph) => graph)).toBe(definition);
    expect(editGraph(definition, ['action_1'], () => ({ nodes: [], edges: [] }))).toBe(definition);
    expect(editEveryGraph(definition, (graph) => graph)).toBe(definition);
    expect(editEveryGraph(loggingWorkflow(), (graph) => graph).nodes).toHaveLength(3);
  });

  it('reaches bodies inside bodies', () => {
    const definition = forEachWorkflow();
    const inner = { id: 'cells', type: 'forEach', items: 'steps.lines.item.cells', concurrency: 1, body: { nodes: [{ id: 'cellDone', type: 'end' }], edges: [] } };
    (definition.nodes[3]!.body as { nodes: unknown[] }).nodes.push(inner);
    expect(scopeOf(definition, 'cellDone')).toEqual(['lines', 'cells']);
    const renamed = editGraph(definition, ['lines', 'cells'], (graph) => ({ ...graph, nodes: [{ id: 'stop', type: 'end' }] }));
    expect(findNode(renamed, 'stop')).toEqual({ id: 'stop', type: 'end' });
  });

  it('leaves a body that is not an object alone', () => {
    const definition = loggingWorkflow();
    definition.nodes.push({ id: 'lines', type: 'forEach', body: 'not a body' });
    expect(scopeOf(definition, 'lines')).toEqual([]);
    expect(editGraph(definition, ['lines'], () => ({ nodes: [], edges: [] }))).toBe(definition);
  });
});
