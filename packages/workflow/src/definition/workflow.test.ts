import { describe, expect, it } from 'vitest';
import { everyNodeTypeDefinition } from '../validate/fixtures';
import { NODE_TYPES, nodeTypes, portsOf, requiredPortsOf } from '../nodes';
import { workflowDefinitionSchema, type NodeOf } from './workflow';

describe('workflowDefinitionSchema', () => {
  it('parses a definition to exactly what was stored: no defaults are filled in', () => {
    expect(workflowDefinitionSchema.parse(everyNodeTypeDefinition())).toEqual(everyNodeTypeDefinition());
  });

  it('parses forEach bodies with the same node schemas, at any depth', () => {
    const definition = everyNodeTypeDefinition();
    const body = (definition.nodes.find((node) => node.id === 'perLine') as unknown as { body: { nodes: unknown[] } }).body;
    body.nodes.push({ id: 'inner', type: 'forEach', items: 'steps.perLine.item.parts', concurrency: 1, body: { nodes: [{ id: 'deep', type: 'teleport' }], edges: [] } });
    const result = workflowDefinitionSchema.safeParse(definition);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['nodes.11.body.nodes.1.body.nodes.0.type']);
  });
});

describe('ports', () => {
  it('lists ports for every node type, error on each that runs something', () => {
    const withoutError = NODE_TYPES.filter((type) => !nodeTypes[type].ports.includes('error'));
    expect(withoutError).toEqual(['trigger', 'end', 'fail']);
  });

  it('adds a switch’s case ports to its own, and requires them', () => {
    const route: NodeOf<'switch'> = { id: 'route', type: 'switch', cases: [{ port: 'vip', expression: 'true' }, { port: 'bulk', expression: 'false' }] };
    expect(portsOf(route)).toEqual(['vip', 'bulk', 'default', 'error']);
    expect(requiredPortsOf(route)).toEqual(['vip', 'bulk']);
    expect(requiredPortsOf({ id: 'c', type: 'condition', expression: 'true' })).toEqual(['true', 'false']);
  });
});
