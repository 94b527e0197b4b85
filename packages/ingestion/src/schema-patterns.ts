import type { FieldError } from '@cascade/catalog';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import { RE2JS } from 're2js';

/**
 * The engine Ajv runs `pattern` and `patternProperties` on (its `code.regExp` option): RE2's pure
 * JavaScript port, whose matching time is linear in the input whatever the pattern. JavaScript's
 * backtracking engine takes seconds to minutes on `^(a|a)*$` against thirty characters, and a
 * tenant's schema runs on every event of its type, inside the ingest request.
 */
export const linearRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    const program = RE2JS.compile(RE2JS.translateRegExp(pattern));
    // Ajv shares compiled patterns by their string form.
    return { test: (text: string) => program.test(text), toString: () => `/${pattern}/${flags}` };
  },
  // What standalone code generation would call it; Cascade never generates standalone code.
  { code: 'linearRegExp' },
);

/**
 * The patterns of a schema the linear-time engine cannot run (lookaround, backreferences), each
 * addressed by its JSON pointer under `/jsonSchema`, so registration can say which one to change.
 */
export function unsupportedPatterns(jsonSchema: object): FieldError[] {
  const problems: FieldError[] = [];
  const check = (pattern: string, path: string) => {
    try {
      RE2JS.compile(RE2JS.translateRegExp(pattern));
    } catch (error) {
      problems.push({
        path: `/jsonSchema${path}`,
        message: `The pattern cannot run on Cascade's linear-time regex engine: ${error instanceof Error ? error.message : String(error)}`,
        expected: 'a regular expression without lookaround or backreferences',
      });
    }
  };
  for (const { schema, path } of subschemas(jsonSchema, '')) {
    if (typeof schema.pattern === 'string') check(schema.pattern, `${path}/pattern`);
    if (isObject(schema.patternProperties)) {
      for (const key of Object.keys(schema.patternProperties)) check(key, `${path}/patternProperties/${escapePointer(key)}`);
    }
  }
  return problems;
}

/** Draft 2020-12 keywords whose value is a schema, an array of schemas, or a map of them. */
const SCHEMA_KEYWORDS = ['additionalProperties', 'propertyNames', 'unevaluatedProperties', 'items', 'additionalItems', 'unevaluatedItems', 'contains', 'not', 'if', 'then', 'else', 'contentSchema'];
const SCHEMA_ARRAY_KEYWORDS = ['prefixItems', 'items', 'allOf', 'anyOf', 'oneOf'];
const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies'];

type SchemaObject = Record<string, unknown>;

/** The schema and every subschema in it with its JSON pointer; values that are data (`const`, `enum`, `default`) are not entered. */
function* subschemas(schema: unknown, path: string): Generator<{ schema: SchemaObject; path: string }> {
  if (!isObject(schema)) return;
  yield { schema, path };
  for (const keyword of SCHEMA_KEYWORDS) yield* subschemas(schema[keyword], `${path}/${keyword}`);
  for (const keyword of SCHEMA_ARRAY_KEYWORDS) {
    const items = schema[keyword];
    if (Array.isArray(items)) for (const [index, item] of items.entries()) yield* subschemas(item, `${path}/${keyword}/${index}`);
  }
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
    const map = schema[keyword];
    if (isObject(map)) for (const [key, value] of Object.entries(map)) yield* subschemas(value, `${path}/${keyword}/${escapePointer(key)}`);
  }
}

const isObject = (value: unknown): value is SchemaObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');
