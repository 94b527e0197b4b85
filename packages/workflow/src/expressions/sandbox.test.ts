import fc from 'fast-check';
import { propertyRuns, propertyTimeout } from '@cascade/catalog/property-testing';
import { describe, expect, it } from 'vitest';
import type { ExpressionContext } from './context';
import { evaluateExpression } from './evaluate';
import { ExpressionError } from './expression-error';

/** Text anywhere in a context: any code points, lone surrogates and NUL included. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('', '\u0000', '\uD800', '\uDC00', '😀', 'e\u0301', '__proto__', 'constructor'),
);
const hostileKey = fc.oneof(fc.constantFrom('a', 'b', 'name', '__proto__', 'constructor', 'prototype', 'toString', 'valueOf'), hostileText);

/** Objects as JSON.parse builds them from stored JSON, so a `__proto__` key is an own property. */
const fromEntries = (entries: Array<[string, unknown]>) =>
  JSON.parse(`{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`) as Record<string, unknown>;

const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileText,
    fc.constantFrom(null, true, false, 0, -1, 1e308, 0.5),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 3 }).map(fromEntries),
  ),
})).value;

/** Deep and huge data are described by their size and built in the property, so a counterexample prints short. */
type DataShape = { json: unknown } | { depth: number } | { length: number };
const dataShapes: fc.Arbitrary<DataShape> = fc.oneof(
  json.map((value) => ({ json: value })),
  fc.integer({ min: 200, max: 3_000 }).map((depth) => ({ depth })),
  fc.integer({ min: 50_000, max: 300_000 }).map((length) => ({ length })),
);
const buildData = (shape: DataShape): unknown =>
  'json' in shape ? shape.json : 'depth' in shape ? JSON.parse(`${'{"a":['.repeat(shape.depth)}1${']}'.repeat(shape.depth)}`) : 'é'.repeat(shape.length);

const contexts = fc.record({
  data: dataShapes,
  vars: fc.array(fc.tuple(hostileKey, json), { maxLength: 3 }).map(fromEntries),
});
const contextOf = ({ data, vars }: { data: DataShape; vars: Record<string, unknown> }): ExpressionContext => ({
  event: { type: 'INVOICE_OVERDUE', data: buildData(data) },
  steps: {},
  vars,
  run: { id: 'run-1', workflowId: 'wf-1', workflowVersion: 1, tenantId: 't-1', startedAt: '2026-03-01T09:00:00.000Z' },
});

/** Pieces of expressions, the hostile ones among them: escapes from the sandbox, runaway work, prototype keys. */
const PIECES = [
  'event', 'event.data', 'vars', 'run', 'steps', '$', '$$', '.', 'a', '`__proto__`', '`constructor`', '`prototype`', '__proto__', 'constructor',
  '$keys(', '$lookup(', '$string(', '$length(', '$pad(', '$split(', '$merge(', '$each(', '$sift(', '$eval(', '$random()', '$now()', '$spread(',
  '$replace(', '$match(', '$count(', '$reduce(', '$map(', 'function($x){$x}', 'function($f){$f($f)}', '[1..100000000]', '[1..1000]',
  '(', ')', '[', ']', '{', '}', ',', ':', ';', '&', '+', '*', '=', '!=', '~>', '?', 'and', 'or', 'in',
  '"x"', "'\\u0000'", '"\\ud800"', '"__proto__"', '"constructor"', '1', '0', '-1', '1e400', '/(a|a)*b/', '/(?=a)/', '**', '%', '@$x', '#$i', '^(a)',
];
const expressions = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 10 }).map((parts) => parts.join(' '));

/** What leaves the sandbox: plain JSON (or nothing), never a function, an engine object or a prototype. */
function expectPlainJson(value: unknown) {
  if (value === undefined) return;
  expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  const pending = [value];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next !== 'object' || next === null) continue;
    expect([Object.prototype, Array.prototype, null]).toContain(Object.getPrototypeOf(next));
    pending.push(...Object.values(next));
  }
}

describe('the expression sandbox on generated expressions and contexts', () => {
  it('returns plain JSON or an ExpressionError, in bounded time, and never touches Object.prototype', async () => {
    await fc.assert(
      fc.asyncProperty(expressions, contexts, async (source, shape) => {
        const context = contextOf(shape);
        const started = performance.now();
        try {
          expectPlainJson(await evaluateExpression(source, context, { now: 0, timeoutMs: 300 }));
        } catch (error) {
          expect(error, source).toBeInstanceOf(ExpressionError);
        }
        // The sandbox's own bounds stop runaways near 0.3 s; unbounded, some of these run for minutes.
        expect(performance.now() - started, source).toBeLessThan(5_000);
        expect(Object.keys(Object.prototype)).toEqual([]);
        expect(Object.keys(Array.prototype)).toEqual([]);
      }),
      { numRuns: propertyRuns(60) },
    );
  }, propertyTimeout(3_000));

  it('reads a "__proto__" key of the data as the data holds it, never as the prototype', async () => {
    const data = JSON.parse('{"__proto__": {"admin": true}, "constructor": "c"}') as unknown;
    const context: ExpressionContext = { event: { data }, steps: {}, vars: {}, run: { id: 'r', workflowId: 'w', workflowVersion: 1, tenantId: 't', startedAt: '' } };
    expect(await evaluateExpression('event.data.admin', context)).toBeUndefined();
    expect(await evaluateExpression('event.data.constructor', context)).toBe('c');
    expect(await evaluateExpression('vars.constructor', context)).toBeUndefined();
  });

  it('stops at a result nested too deep with an ExpressionError, not a stack overflow', async () => {
    const data = JSON.parse(`${'{"a":['.repeat(5_000)}1${']}'.repeat(5_000)}`) as unknown;
    const context: ExpressionContext = { event: { data }, steps: {}, vars: {}, run: { id: 'r', workflowId: 'w', workflowVersion: 1, tenantId: 't', startedAt: '' } };
    await expect(evaluateExpression('event.data', context)).rejects.toThrow(new ExpressionError('limit', 'The expression was stopped: its result is nested deeper than 500 levels'));
    await expect(evaluateExpression('$count(event.data.a)', context)).resolves.toBe(1);
  });
});

