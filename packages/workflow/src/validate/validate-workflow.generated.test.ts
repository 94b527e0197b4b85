import fc from 'fast-check';
import { propertyRuns, propertyTimeout } from '@cascade/catalog/property-testing';
import { describe, expect, it } from 'vitest';
import { everyNodeTypeDefinition, testCatalog } from './fixtures';
import { validateWorkflow } from './validate-workflow';

/** Text in a definition: any code points, lone surrogates and NUL included. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.constantFrom('', '\u0000', '\uD800', '\uDC00', '😀', 'start', 'end', 'event.data.x', '__proto__', 'constructor'),
);
const hostileKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'type', 'nodes', 'edges', '$expr'), hostileText);

/** Objects as JSON.parse builds them from a request body, so a `__proto__` key is an own property. */
const fromEntries = (entries: Array<[string, unknown]>) =>
  JSON.parse(`{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`) as Record<string, unknown>;

const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileText,
    fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 3 }).map(fromEntries),
  ),
})).value;

/** Replacements described by size and built in the property, so a counterexample prints short. */
type Replacement = { json: unknown } | { depth: number } | { length: number };
const replacements: fc.Arbitrary<Replacement> = fc.oneof(
  { weight: 8, arbitrary: json.map((value) => ({ json: value })) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 5_000 }).map((depth) => ({ depth })) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 300_000 }).map((length) => ({ length })) },
);
const build = (replacement: Replacement): unknown =>
  'json' in replacement
    ? replacement.json
    : 'depth' in replacement
      ? JSON.parse(`${'{"nodes":['.repeat(replacement.depth)}1${']}'.repeat(replacement.depth)}`)
      : 'é'.repeat(replacement.length);

/** Every place in a JSON document, by the keys leading to it. */
function pathsOf(document: unknown): Array<Array<string | number>> {
  const paths: Array<Array<string | number>> = [];
  const pending: Array<{ value: unknown; path: Array<string | number> }> = [{ value: document, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    paths.push(next.path);
    if (typeof next.value === 'object' && next.value !== null) {
      for (const [key, value] of Object.entries(next.value)) pending.push({ value, path: [...next.path, Array.isArray(next.value) ? Number(key) : key] });
    }
  }
  return paths;
}

/** The valid definition with the value at `path` replaced (a copy through JSON, as a request body arrives). */
function replaceAt(path: Array<string | number>, replacement: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(everyNodeTypeDefinition())) as Record<string | number, unknown>;
  if (path.length === 0) return replacement;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1)!] = replacement;
  return copy;
}

const PATHS = pathsOf(everyNodeTypeDefinition());

/** The validator's whole contract: a result, never an exception; each problem says what and where. */
function expectWellFormed(result: ReturnType<typeof validateWorkflow>) {
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of [...result.problems, ...result.warnings]) {
    expect(typeof problem.code).toBe('string');
    expect(problem.message).not.toBe('');
  }
}

describe('validateWorkflow on generated definitions', () => {
  it('answers a valid definition with any one value replaced by hostile JSON, in bounded time and without polluting prototypes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), replacements, (path, replacement) => {
        const definition = replaceAt(path, build(replacement));
        const started = performance.now();
        expectWellFormed(validateWorkflow(definition, testCatalog));
        // Validation stays near-linear within the definition limits; this only catches a runaway.
        expect(performance.now() - started).toBeLessThan(3_000);
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: propertyRuns(100) },
    );
  }, propertyTimeout(3_000));

  it('answers any JSON as a definition without throwing', () => {
    fc.assert(
      fc.property(json, (definition) => expectWellFormed(validateWorkflow(definition, testCatalog))),
      { numRuns: propertyRuns(300) },
    );
  }, propertyTimeout(1_000));
});
