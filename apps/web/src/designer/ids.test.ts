import { describe, expect, it } from 'vitest';
import { loggingWorkflow } from './fixtures';
import { nextEdgeId, nextNodeId, nodeIdProblem } from './ids';

describe('ids', () => {
  it('numbers node ids per type, skipping any id in use, forEach bodies included', () => {
    const definition = loggingWorkflow();
    expect(nextNodeId(definition, 'action')).toBe('action_2');
    expect(nextNodeId(definition, 'condition')).toBe('condition_1');
    definition.nodes.push({ id: 'forEach_1', type: 'forEach', body: { nodes: [{ id: 'action_2', type: 'action' }], edges: [] } });
    expect(nextNodeId(definition, 'action')).toBe('action_3');
  });

  it('gives edges the first free id', () => {
    const definition = loggingWorkflow();
    expect(nextEdgeId(definition)).toBe('e3');
    definition.edges.splice(0, 1);
    expect(nextEdgeId(definition)).toBe('e1');
  });

  it('refuses ids expressions could not address, and ids taken by another node', () => {
    const definition = loggingWorkflow();
    expect(nodeIdProblem(definition, 'action_1', 'send-mail')).toMatch(/letters, digits and _/);
    expect(nodeIdProblem(definition, 'action_1', 'end_1')).toBe('Another node already has the id "end_1"');
    expect(nodeIdProblem(definition, 'action_1', 'action_1')).toBeUndefined();
    expect(nodeIdProblem(definition, 'action_1', 'logBreach')).toBeUndefined();
  });
});
