import type { JsonSchema } from '../json-schema';

/**
 * JSON Schemas a hostile or careless tenant may register, for the tests of everything that walks
 * a stored schema (field lists, compatibility checks, catalog pages, publish).
 */

/**
 * `definitions` `$defs` entries, each an object whose two fields refer to the next: small as a
 * document (a few KB), 2^definitions fields once its references are expanded.
 */
export function exponentialRefSchema(definitions = 26): JsonSchema {
  const $defs: Record<string, JsonSchema> = {};
  for (let level = 0; level < definitions; level++) {
    const next = { $ref: `#/$defs/level${level + 1}` };
    $defs[`level${level}`] = { type: 'object', properties: { left: next, right: next } };
  }
  $defs[`level${definitions}`] = { type: 'string' };
  return { type: 'object', properties: { tree: { $ref: '#/$defs/level0' } }, required: ['tree'], $defs };
}

/**
 * `definitions` `$defs` entries, each a union of two references to the next: one field, whose type
 * is the union of 2^definitions branches once its references are expanded.
 */
export function exponentialUnionSchema(definitions = 26): JsonSchema {
  const $defs: Record<string, JsonSchema> = {};
  for (let level = 0; level < definitions; level++) {
    const next = { $ref: `#/$defs/level${level + 1}` };
    $defs[`level${level}`] = { anyOf: [next, { ...next, description: 'the other branch' }] };
  }
  $defs[`level${definitions}`] = { type: 'string' };
  return { type: 'object', properties: { value: { $ref: '#/$defs/level0' } }, $defs };
}

/** A thread of comments, each with its replies: legitimate recursion, endless when expanded. */
export function selfReferencingSchema(): JsonSchema {
  return {
    type: 'object',
    required: ['thread'],
    properties: { thread: { $ref: '#/$defs/comment' } },
    $defs: {
      comment: {
        type: 'object',
        description: 'A comment',
        required: ['text'],
        properties: {
          text: { type: 'string' },
          author: { $ref: '#/$defs/person' },
          replies: { type: 'array', items: { $ref: '#/$defs/comment' } },
          parent: { anyOf: [{ $ref: '#/$defs/comment' }, { type: 'null' }] },
        },
      },
      person: { type: 'object', properties: { name: { type: 'string' }, manager: { $ref: '#/$defs/person' } } },
    },
  };
}

/** References that only ever point at each other, directly or through a union: no schema of their own. */
export function referenceLoopSchema(): JsonSchema {
  return {
    type: 'object',
    properties: { mystery: { $ref: '#/$defs/loopA' }, either: { $ref: '#/$defs/union' } },
    $defs: {
      loopA: { $ref: '#/$defs/loopB' },
      loopB: { $ref: '#/$defs/loopA' },
      union: { anyOf: [{ $ref: '#/$defs/union' }, { type: 'string' }, { type: 'integer' }] },
    },
  };
}

/** Objects nested `levels` deep through `properties`: `{"a": {"a": … {"type": "string"}}}`. */
export function deeplyNestedSchema(levels: number): JsonSchema {
  let schema: JsonSchema = { type: 'string' };
  for (let level = 0; level < levels; level++) schema = { type: 'object', properties: { a: schema } };
  return schema;
}

/** A flat object schema of roughly `bytes` bytes, made of many described string fields. */
export function oversizedSchema(bytes: number): JsonSchema {
  const description = 'x'.repeat(1_000);
  const properties: Record<string, JsonSchema> = {};
  for (let field = 0; field * 1_050 < bytes; field++) properties[`field${field}`] = { type: 'string', description };
  return { type: 'object', properties };
}
