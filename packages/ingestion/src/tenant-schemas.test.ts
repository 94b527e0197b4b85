import { describe, expect, it } from 'vitest';
import { checkTenantSchema, compiledSchemaCount, compileTenantSchema, MAX_COMPILED_SCHEMAS } from './tenant-schemas';

/** `^(\w|a)*$` and `^(a|a)*$` took minutes on this input under JavaScript's backtracking engine. */
const HOSTILE_PATTERNS = ['^(\\w|a)*$', '^(a|a)*$'];
const nearMiss = `${'a'.repeat(29)}!`;

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

describe('tenant schema patterns', () => {
  it.each(HOSTILE_PATTERNS)('checks `pattern: %s` against a near miss in linear time', (pattern) => {
    const schema = { type: 'object', properties: { code: { type: 'string', pattern } } };
    const { value, ms } = timed(() => checkTenantSchema(schema, { code: nearMiss }));
    console.log(`pattern ${pattern} on ${nearMiss.length} characters: ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(1000);
    expect(value).toEqual([expect.objectContaining({ path: '/example/code', message: expect.stringContaining('must match pattern') })]);
    expect(checkTenantSchema(schema, { code: 'a'.repeat(29) })).toEqual([]);
  });

  it.each(HOSTILE_PATTERNS)('checks `patternProperties: {%s: …}` against a near-miss key in linear time', (pattern) => {
    const schema = { type: 'object', patternProperties: { [pattern]: { type: 'integer' } } };
    const { value, ms } = timed(() => checkTenantSchema(schema, { [nearMiss]: 'not matched, so anything goes', [nearMiss.slice(0, -1)]: 'x' }));
    console.log(`patternProperties ${pattern} on ${nearMiss.length} characters: ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(1000);
    expect(value).toEqual([expect.objectContaining({ path: `/example/${'a'.repeat(29)}`, expected: 'integer' })]);
  });

  it('refuses lookaround and backreferences, which have no linear-time form, naming the pattern', () => {
    const schema = {
      type: 'object',
      properties: { code: { type: 'string', pattern: '^(?!tmp)' }, 'a/b': { type: 'array', items: { type: 'string', pattern: '(x)\\1' } } },
      patternProperties: { '^(?<=a)b': {} },
      $defs: { note: { const: { pattern: '(?=data, not a schema)' } } },
    };
    expect(checkTenantSchema(schema, undefined)).toEqual([
      { path: '/jsonSchema/patternProperties/^(?<=a)b', message: expect.any(String), expected: expect.any(String) },
      { path: '/jsonSchema/properties/code/pattern', message: expect.stringContaining("Cascade's linear-time regex engine"), expected: 'a regular expression without lookaround or backreferences' },
      { path: '/jsonSchema/properties/a~1b/items/pattern', message: expect.stringContaining('\\1'), expected: expect.any(String) },
    ]);
  });

  it('answers a schema the meta-schema refuses with one problem per place', () => {
    expect(checkTenantSchema({ type: 'object', properties: { amount: { type: 'money' } } }, undefined)).toEqual([
      { path: '/jsonSchema/properties/amount/type', message: expect.stringMatching(/^schema is invalid: data\/properties\/amount\/type /), expected: 'a valid JSON Schema (draft 2020-12)' },
    ]);
  });
});

describe('compiled tenant schemas', () => {
  const withId = (extra: Record<string, unknown> = {}) => ({
    $id: 'https://acme.example/schemas/order.json',
    type: 'object',
    required: ['orderId'],
    properties: { orderId: { type: 'string' }, ...extra },
    $defs: { money: { $id: 'https://acme.example/schemas/money.json', type: 'number' } },
  });

  it('compiles the same $id again, changed or not, as two tenants or a re-registration would', () => {
    for (const schema of [withId(), withId(), withId({ weightKg: { $ref: 'money.json' } }), withId({ weightKg: { type: 'number' } })]) {
      const compiled = compileTenantSchema(schema);
      expect(compiled.ok && compiled.validate({ orderId: 'o-1', weightKg: 2 })).toBe(true);
    }
  });

  it('keeps at most MAX_COMPILED_SCHEMAS, however many schemas are compiled', () => {
    for (let i = 0; i < MAX_COMPILED_SCHEMAS + 20; i += 1) {
      expect(compileTenantSchema(withId({ [`field${i}`]: { type: 'string', pattern: `^f${i}-(\\w|a)*$` } })).ok).toBe(true);
    }
    expect(compiledSchemaCount()).toBe(MAX_COMPILED_SCHEMAS);
  });
});
