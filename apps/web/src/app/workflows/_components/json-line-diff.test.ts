import { describe, expect, it } from 'vitest';
import { jsonLineDiff, MAX_CELLS, withContext } from './json-line-diff';

describe('jsonLineDiff', () => {
  it('marks the lines a changed field removes and adds, and keeps the rest', () => {
    const lines = jsonLineDiff({ a: 1, b: { to: 'x' } }, { a: 1, b: { to: 'y' }, c: true })!;
    expect(lines.filter((l) => l.kind !== 'same')).toEqual([
      { kind: 'removed', text: '    "to": "x"' },
      { kind: 'removed', text: '  }' },
      { kind: 'added', text: '    "to": "y"' },
      { kind: 'added', text: '  },' },
      { kind: 'added', text: '  "c": true' },
    ]);
  });

  it('folds long unchanged runs, keeping context around each change', () => {
    const before = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]));
    const shown = withContext(jsonLineDiff(before, { ...before, k20: 'changed' })!, 2);
    expect(shown[0]).toEqual({ kind: 'fold', count: 19 });
    expect(shown.filter((l) => l.kind === 'added')).toEqual([{ kind: 'added', text: '  "k20": "changed",' }]);
    expect(shown.at(-1)).toEqual({ kind: 'fold', count: 18 }); // k23…k39 and the closing brace
  });

  it('declines documents too large to compare in the browser instead of freezing it', () => {
    const big = Array.from({ length: Math.ceil(Math.sqrt(MAX_CELLS)) + 10 }, (_, i) => i);
    const started = performance.now();
    expect(jsonLineDiff(big, [...big, 1])).toBeNull();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
