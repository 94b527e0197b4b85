import { createHash } from 'node:crypto';
import type { FieldError } from '@cascade/catalog';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { BoundedCache } from './bounded-cache';
import { linearRegExp, unsupportedPatterns } from './schema-patterns';

export type SchemaCompilation = { ok: true; validate: ValidateFunction } | { ok: false; errors: FieldError[] };

/** How many compiled tenant schemas a process keeps, least recently used out. */
export const MAX_COMPILED_SCHEMAS = 500;

/**
 * Compiled schemas by the hash of their JSON text. A compiled schema is a pure function of that
 * text, so two tenants with the same schema may share it, and a schema re-read unchanged (the
 * registry's refresh) is not compiled again.
 */
const compiledByHash = new BoundedCache<string, ValidateFunction>(MAX_COMPILED_SCHEMAS);

/** Checks schemas against the draft 2020-12 meta-schema, and compiles nothing else. */
const metaSchemaChecker = new Ajv2020({ allErrors: true, strict: false });

/**
 * Compiles a tenant's JSON Schema. Each schema gets an Ajv instance of its own, dropped with it
 * from the cache: in a shared instance a `$id` is registered on the first compile, so the next
 * compile of that `$id` (another tenant's schema, or the same one re-read) throws, and every
 * compile stays in the instance for ever. Patterns run on a linear-time engine.
 */
export function compileTenantSchema(jsonSchema: object): SchemaCompilation {
  const hash = createHash('sha256').update(JSON.stringify(jsonSchema)).digest('base64url');
  const cached = compiledByHash.get(hash);
  if (cached) return { ok: true, validate: cached };
  let validate: ValidateFunction;
  try {
    const problems = [...metaSchemaProblems(jsonSchema), ...unsupportedPatterns(jsonSchema)];
    if (problems.length > 0) return { ok: false, errors: problems };
    validate = createAjv().compile(jsonSchema);
  } catch (error) {
    return { ok: false, errors: [{ path: '/jsonSchema', message: (error as Error).message, expected: 'a valid JSON Schema (draft 2020-12)' }] };
  }
  compiledByHash.set(hash, validate);
  return { ok: true, validate };
}

/** How many compiled schemas the process holds, for tests and metrics. */
export const compiledSchemaCount = () => compiledByHash.size;

/**
 * Checks a JSON Schema a tenant wants to register: it must compile, describe an object, and accept
 * its example. Returns the problems, empty when the schema is usable.
 */
export function checkTenantSchema(jsonSchema: unknown, example: unknown): FieldError[] {
  if (typeof jsonSchema !== 'object' || jsonSchema === null || (jsonSchema as { type?: unknown }).type !== 'object') {
    return [{ path: '/jsonSchema/type', message: 'A payload schema must describe an object', expected: '"object"' }];
  }
  const compiled = compileTenantSchema(jsonSchema);
  if (!compiled.ok) return compiled.errors;
  if (example === undefined || compiled.validate(example)) return [];
  return (compiled.validate.errors ?? []).map(toFieldError).map((e) => ({ ...e, path: e.path.replace(/^\/data/, '/example') }));
}

/** One Ajv error as a field error under `/data`. */
export function toFieldError(error: ErrorObject): FieldError {
  const missing = error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : '';
  const expected =
    error.keyword === 'type' ? String(error.params.type)
    : error.keyword === 'required' ? 'a value'
    : error.keyword === 'enum' ? `one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
    : error.keyword === 'format' ? String(error.params.format)
    : (error.message ?? 'a valid value');
  return { path: `/data${error.instancePath}${missing}`, message: error.message ?? 'is invalid', expected };
}

function metaSchemaProblems(jsonSchema: object): FieldError[] {
  if (metaSchemaChecker.validateSchema(jsonSchema)) return [];
  // One bad keyword fails several branches of the meta-schema: one problem per place.
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of metaSchemaChecker.errors ?? []) byPath.set(error.instancePath, [...(byPath.get(error.instancePath) ?? []), error]);
  return [...byPath].map(([pointer, errors]) => ({
    path: `/jsonSchema${pointer}`,
    // The wording of Ajv's compile (`schema is invalid: data/…`), which callers quote.
    message: `schema is invalid: ${metaSchemaChecker.errorsText(errors)}`,
    expected: 'a valid JSON Schema (draft 2020-12)',
  }));
}

function createAjv(): Ajv2020 {
  // The meta-schema check ran already; compiling it into every instance would cost ~20 ms each.
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false, code: { regExp: linearRegExp } });
  addFormats.default(ajv);
  return ajv;
}
