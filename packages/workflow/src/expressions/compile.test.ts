import { describe, expect, it } from 'vitest';
import { MAX_EXPRESSION_LENGTH, compileExpression } from './compile';

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

  it('refuses, without overflowing the stack, expressions longer or deeper than anyone writes', () => {
    const chained = Array.from({ length: 2_000 }, (_, i) => `event.data.f${i}`).join(' & ');
    const nested = `${'('.repeat(5_000)}1${')'.repeat(5_000)}`;
    const long = `"${'x'.repeat(MAX_EXPRESSION_LENGTH)}"`;
    for (const source of [chained, nested, long]) {
      const compiled = compileExpression(source);
      expect(compiled.ok).toBe(false);
      if (!compiled.ok) expect(compiled.error.kind).toBe('limit');
    }
    // Ordinary chains stay well inside the limits.
    expect(compileExpression(Array.from({ length: 50 }, (_, i) => `event.data.f${i}`).join(' & ')).ok).toBe(true);
  });
});
