import { describe, expect, it } from 'vitest';
import { compileExpression } from './compile';
import { repeatsARepetition } from './regex-safety';

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

describe('repeatsARepetition', () => {
  it.each(['(a+)+', '(\\w*)*', '(x+){2,}', '((ab)+c)*', '(?:a|b+)+$', '(a+)*?'])('flags %s', (pattern) => {
    expect(repeatsARepetition(pattern)).toBe(true);
  });

  it.each(['a+b+', '(ab)+', '(a+)?', '(a+)b*', '[(+)]+', '\\(a+\\)+', '^inv-(\\d+)$', '(a+){1}', '(?<year>\\d{4})-(\\d{2})'])('lets %s through', (pattern) => {
    expect(repeatsARepetition(pattern)).toBe(false);
  });
});
