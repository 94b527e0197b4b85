import { describe, expect, it } from 'vitest';
import { loggingWorkflow } from './fixtures';
import { createNode } from './new-node';
import { errorsFirst, problemLabel, problemsAt, problemsByNode, problemsFromServer } from './problems';

describe('problems', () => {
  it('land on their node, a body node included, or on the source of an edge', () => {
    const definition = loggingWorkflow();
    definition.nodes.push(createNode(definition, 'forEach', { x: 0, y: 0 }));
    const byNode = problemsByNode(
      [
        { nodeId: 'action_1', field: 'input.message', code: 'invalid-mapping', message: 'Required' },
        { nodeId: 'end_2', code: 'unreachable', message: 'No path' },
        { edgeId: 'e2', field: 'to', code: 'unknown-node', message: 'No node' },
        { edgeId: 'forEach_1_item', code: 'cycle', message: 'Loops' },
        { code: 'missing-trigger', message: 'No trigger' },
      ],
      definition,
    );
    expect([...byNode].map(([id, problems]) => [id, problems.map((p) => p.code)])).toEqual([
      ['action_1', ['invalid-mapping', 'unknown-node']],
      ['end_2', ['unreachable']],
      ['forEach_1', ['cycle']],
    ]);
  });

  it('of a body folded away land on the node holding it, so they stay in sight', () => {
    const definition = loggingWorkflow();
    definition.nodes.push(createNode(definition, 'forEach', { x: 0, y: 0 }));
    const byNode = problemsByNode([{ nodeId: 'end_2', code: 'unreachable', message: 'No path' }], definition, new Set(['forEach_1']));
    expect([...byNode.keys()]).toEqual(['forEach_1']);
  });

  it('say where they are, then what they are', () => {
    expect(problemLabel({ nodeId: 'action_1', field: 'input.message', code: 'schema', message: 'Required' })).toBe('action_1 · input.message: Required');
    expect(problemLabel({ edgeId: 'e1', code: 'cycle', message: 'Loops' })).toBe('edge e1: Loops');
    expect(problemLabel({ code: 'missing-trigger', message: 'No trigger' })).toBe('workflow: No trigger');
  });

  it('are found by field for the inspector, including fields beneath it', () => {
    const problems = [
      { field: 'input.message', code: 'schema', message: 'a' },
      { field: 'cases[0].expression', code: 'schema', message: 'b' },
      { field: 'inputs', code: 'schema', message: 'c' },
    ] as const;
    expect(problemsAt([...problems], 'input').map((p) => p.message)).toEqual(['a']);
    expect(problemsAt([...problems], 'cases').map((p) => p.message)).toEqual(['b']);
  });

  it('are read from a refused publish, keeping codes this browser does not know', () => {
    const body = {
      status: 422,
      errors: [
        { path: '/nodes/action_1/input.message', nodeId: 'action_1', field: 'input.message', code: 'invalid-mapping', message: 'Required' },
        { path: '/definition', code: 'something-new', message: 'Newer check' },
        { nonsense: true },
      ],
    };
    expect(problemsFromServer(body)).toEqual([
      { nodeId: 'action_1', field: 'input.message', code: 'invalid-mapping', message: 'Required' },
      { code: 'schema', message: 'Newer check' },
    ]);
    expect(problemsFromServer({ detail: 'nope' })).toEqual([]);
  });

  it('keep a refused publish’s fixes and warnings, and come errors first', () => {
    const slip = { nodeId: 'c', field: 'expression', code: 'expression-slip', message: 'JSONata compares with =, not ==', fix: { value: 'a = 1' } };
    const warning = { nodeId: 'a', field: 'input.m', code: 'literal-looks-like-expression', severity: 'warning', message: 'text', fix: { value: { $expr: 'event.data.x' } } };
    const read = problemsFromServer({ errors: [warning, slip, { ...slip, fix: {} }] });
    expect(read).toEqual([warning, slip, { ...slip, fix: undefined }].map(({ fix, ...rest }) => (fix ? { ...rest, fix } : rest)));
    expect(errorsFirst(read).map((p) => p.code)).toEqual(['expression-slip', 'expression-slip', 'literal-looks-like-expression']);
  });
});
