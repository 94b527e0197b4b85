import { describe, expect, it } from 'vitest';
import { findParameterReferences, MAX_TEMPLATE_DEPTH, substituteParameters } from './parameter-references';
import { representativeValue } from './representative-value';

const template = {
  schemaVersion: 1,
  name: 'Escalate',
  nodes: [
    { id: 'start', type: 'trigger', event: { $param: 'eventType' } },
    { id: 'each', type: 'forEach', items: { $expr: 'event.data.lines' }, body: { nodes: [{ id: 'inner', input: { to: { $param: 'team' } } }], edges: [] } },
    { id: 'wait', type: 'delay', duration: { $param: 'wait' } },
  ],
  edges: [],
};

describe('parameter references', () => {
  it('finds each reference with its JSON pointer and the innermost node holding it', () => {
    expect(findParameterReferences(template)).toEqual({
      problems: [],
      references: [
        { pointer: '/nodes/0/event', name: 'eventType', nodeId: 'start' },
        { pointer: '/nodes/1/body/nodes/0/input/to', name: 'team', nodeId: 'inner' },
        { pointer: '/nodes/2/duration', name: 'wait', nodeId: 'wait' },
      ],
    });
  });

  it('reports a value that looks like a reference but is not one', () => {
    const { problems } = findParameterReferences({ nodes: [{ id: 'a', x: { $param: 3 } }, { id: 'b', y: { $param: 'p', extra: true } }] });
    expect(problems.map((p) => p.pointer)).toEqual(['/nodes/0/x', '/nodes/1/y']);
  });

  it('refuses a hostile nesting without following it', () => {
    let deep: unknown = { $param: 'x' };
    for (let level = 0; level < 100_000; level++) deep = [deep];
    const { problems, references } = findParameterReferences({ nodes: deep });
    expect(references).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ expected: `at most ${MAX_TEMPLATE_DEPTH} levels` })]);
  });

  it('substitutes whole values, leaving expressions and everything else as they were', () => {
    const values: Record<string, unknown> = { eventType: 'INVOICE_OVERDUE', team: ['ops'], wait: 'PT2H' };
    const result = substituteParameters(template, (name) => values[name]) as typeof template;
    expect(result.nodes[0]).toEqual({ id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' });
    expect(result.nodes[1]).toMatchObject({ items: { $expr: 'event.data.lines' }, body: { nodes: [{ input: { to: ['ops'] } }] } });
    expect(result.nodes[2]).toMatchObject({ duration: 'PT2H' });
  });
});

describe('the value standing for a parameter while a template is checked', () => {
  it.each([
    [{ type: 'string', examples: ['INVOICE_OVERDUE'], default: 'x' }, 'INVOICE_OVERDUE'],
    [{ type: 'string', default: 'PT4H' }, 'PT4H'],
    [{ enum: ['a', 'b'] }, 'a'],
    [{ type: 'string', format: 'email' }, 'someone@example.com'],
    [{ type: 'string', minLength: 3 }, 'xxx'],
    [{ type: ['null', 'integer'], minimum: 5 }, 5],
    [{ type: 'boolean' }, false],
    [{ type: 'array' }, []],
    [{}, null],
  ])('%j stands as %j', (schema, expected) => {
    expect(representativeValue(schema)).toEqual(expected);
  });
});
