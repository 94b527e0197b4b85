import { describe, expect, it } from 'vitest';
import { compileExpression } from '../expressions/compile';
import { everyNodeTypeDefinition } from '../validate/fixtures';
import { NODE_TYPES, expressionExample, nodeTypeOf, nodeTypes, type ShallowNode } from '.';

describe('the examples of expression fields', () => {
  it('gives every expression field of every node type an example', () => {
    const definition = everyNodeTypeDefinition();
    const perLine = definition.nodes.find((node) => node.id === 'perLine') as unknown as { body: { nodes: ShallowNode[] } };
    const nodes = [...(definition.nodes as ShallowNode[]), ...perLine.body.nodes, { id: 'later', type: 'delay', until: 'event.data.dueAt' } as ShallowNode];
    const fields = nodes.flatMap((node) => (nodeTypeOf(node).expressions?.(node) ?? []).filter((e) => e.form === undefined).map((e) => [node.type, e.field]));
    expect(fields.length).toBeGreaterThan(8);
    expect(fields.filter(([type, field]) => expressionExample(type!, field!) === undefined)).toEqual([]);
  });

  it('gives examples that parse, each saying what its field holds', () => {
    for (const type of NODE_TYPES) {
      for (const [field, example] of Object.entries(nodeTypes[type].designer.examples ?? {})) {
        expect(compileExpression(example).ok, `${type} ${field}: ${example}`).toBe(true);
      }
    }
    expect(expressionExample('waitForEvent', 'correlation.event')).toBe('event.data.invoiceId');
    expect(expressionExample('condition', 'expression')).toMatch(/ > | = /);
    expect(expressionExample('switch', 'cases[3].expression')).toBe(expressionExample('switch', 'cases[0].expression'));
    expect(expressionExample('teleport', 'expression')).toBeUndefined();
  });
});
