import { describe, expect, it } from 'vitest';
import { compileExpression } from './compile';
import { evaluateExpression } from './evaluate';

/** `^(\w|a)*$` and `^(a|a)*$` took 12–17 s on this input under JavaScript's backtracking engine. */
const HOSTILE_PATTERNS = ['^(\\w|a)*$', '^(a|a)*$', '(a+)+$', '^(\\w+\\s?)*$'];
const nearMiss = `${'a'.repeat(29)}!`;

const evaluate = (expression: string, s: string) => evaluateExpression(expression, { event: { s } });

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe('regular expressions in workflow expressions', () => {
  it.each(HOSTILE_PATTERNS)('match /%s/ in linear time with $match, $replace, $contains, $split and ~>', async (pattern) => {
    for (const expression of [
      `$match(event.s, /${pattern}/)`,
      `$replace(event.s, /${pattern}/, "x")`,
      `$contains(event.s, /${pattern}/)`,
      `$split(event.s, /${pattern}/)`,
      `event.s ~> /${pattern}/`,
    ]) {
      const { value, ms } = await timed(() => evaluate(expression, nearMiss));
      console.log(`${expression} on ${nearMiss.length} characters: ${ms.toFixed(1)} ms`);
      expect(ms).toBeLessThan(1000);
      if (expression.startsWith('$contains') && pattern !== '(a+)+$') expect(value).toBe(false);
    }
    const long = `${'a'.repeat(20_000)}!`;
    const { ms } = await timed(() => evaluate(`$contains(event.s, /${pattern}/)`, long));
    console.log(`$contains /${pattern}/ on ${long.length} characters: ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(2000);
  });

  it('gives what JavaScript regexes give on ordinary patterns: groups, positions, flags, replacement references', async () => {
    expect(await evaluate('$match(event.s, /(\\d+)-(\\w+)?/)', 'inv 12- and 34-ab')).toEqual([
      { match: '12-', index: 4, groups: ['12', null] },
      { match: '34-ab', index: 12, groups: ['34', 'ab'] },
    ]);
    expect(await evaluate('$replace(event.s, /(\\w+)@(\\w+)/, "$2 at $1")', 'mail ann@acme now')).toBe('mail acme at ann now');
    expect(await evaluate('$split(event.s, /\\s*,\\s*/)', 'a , b,c')).toEqual(['a', 'b', 'c']);
    expect(await evaluate('$contains(event.s, /INV-\\d{4}/i)', 'see inv-2026')).toBe(true);
    expect(await evaluate('$match(event.s, /^b/m).index', 'a\nb')).toBe(2);
    expect(await evaluate('$match(event.s, /(?<year>\\d{4})-\\d{2}/).groups', 'due 2026-11')).toEqual(['2026']);
    // Positions count UTF-16 units, as JavaScript strings do.
    expect(await evaluate('$match(event.s, /b+/).index', '😀éb')).toBe(3);
    expect(await evaluate('$replace(event.s, /é/, "e")', '😀éb')).toBe('😀eb');
  });

  it.each([
    ['(?=a)', 'lookahead'],
    ['(?<=a)b', 'lookbehind'],
    ['(a)\\1', 'a backreference'],
  ])('refuses /%s/ (%s), which has no linear-time form, when the expression is compiled', (pattern) => {
    const compiled = compileExpression(`$match(event.s, /${pattern}/)`);
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    expect(compiled.error.kind).toBe('forbidden');
    expect(compiled.error.message).toContain(`The regular expression /${pattern}/ cannot run on the linear-time engine`);
    expect(compiled.error.position).toBeGreaterThan(0);
  });

  it('refuses an unsupported regex at evaluation too, as an ExpressionError', async () => {
    await expect(evaluate('$match(event.s, /(a)\\1/)', 'aa')).rejects.toMatchObject({ name: 'ExpressionError', kind: 'forbidden' });
  });
});
