import { describe, expect, it } from 'vitest';
import type { Problem } from '@cascade/workflow';
import { applyFix, parseFieldPath } from './fix';
import { loggingWorkflow } from './fixtures';

const literalWarning = (nodeId: string, field: string, value: unknown): Problem => ({
  nodeId,
  field,
  code: 'literal-looks-like-expression',
  severity: 'warning',
  message: 'is passed on as this text',
  fix: { value },
});

describe('applyFix', () => {
  it('writes the fix at the problem’s field of its node and nowhere else', () => {
    const definition = loggingWorkflow();
    const action = definition.nodes.find((node) => node.id === 'action_1')!;
    action.input = { message: '{{ event.data.x }}', level: 'info' };
    const fixed = applyFix(definition, literalWarning('action_1', 'input.message', { $expr: 'event.data.x' }));
    expect(fixed.nodes.find((node) => node.id === 'action_1')!.input).toEqual({ message: { $expr: 'event.data.x' }, level: 'info' });
    expect(fixed.nodes.filter((node) => node.id !== 'action_1')).toEqual(definition.nodes.filter((node) => node.id !== 'action_1'));
    expect(action.input).toEqual({ message: '{{ event.data.x }}', level: 'info' });
  });

  it('fixes a node inside a forEach body and an item of a list', () => {
    const definition = loggingWorkflow();
    definition.nodes.push({
      id: 'each',
      type: 'forEach',
      items: 'event.data.lines',
      body: { nodes: [{ id: 'ask', type: 'approval', assignees: ['admins', 'vars.owner'] }], edges: [] },
    });
    const fixed = applyFix(definition, literalWarning('ask', 'assignees[1]', { $expr: 'vars.owner' }));
    expect((fixed.nodes.at(-1)!.body as { nodes: Array<{ assignees: unknown[] }> }).nodes[0]!.assignees).toEqual(['admins', { $expr: 'vars.owner' }]);
  });

  it('changes nothing when the field has gone or the problem has no fix', () => {
    const definition = loggingWorkflow();
    expect(applyFix(definition, literalWarning('action_1', 'input.nested.message', 'x'))).toBe(definition);
    expect(applyFix(definition, literalWarning('ghost', 'input', 'x'))).toBe(definition);
    expect(applyFix(definition, { nodeId: 'action_1', field: 'input', code: 'schema', message: 'Required' })).toBe(definition);
  });

  it('reads field paths as problems write them', () => {
    expect(parseFieldPath('cases[1].expression')).toEqual(['cases', 1, 'expression']);
    expect(parseFieldPath('escalation.assignees[0]')).toEqual(['escalation', 'assignees', 0]);
  });
});
