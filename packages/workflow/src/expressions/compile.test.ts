import { describe, expect, it } from 'vitest';
import { compileExpression } from './compile';

describe('compileExpression', () => {
  it('compiles a valid expression', () => {
    const compiled = compileExpression('event.data.amount > 100');
    expect(compiled.ok && compiled.expression.source).toBe('event.data.amount > 100');
  });

  it.each([
    ['event.data.(', 12],
    ['event.data.amount >', 19],
    ['vars.count + + 2', 14],
    ['"unterminated', 13],
  ])('reports the syntax error in %j at position %d', (source, position) => {
    const compiled = compileExpression(source);
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    expect(compiled.error).toMatchObject({ kind: 'syntax', position });
    expect(compiled.error.message).toMatch(/^Syntax error: .+ \(at position \d+\)$/);
  });
});
