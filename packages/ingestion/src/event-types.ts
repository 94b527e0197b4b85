import { validatePayload, type FieldError } from '@cascade/catalog';
import type { Database } from '@cascade/db';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** A registered version may gain optional fields in place (a minor change); replicas see it this soon. */
const TENANT_SCHEMA_TTL_MS = 10_000;

export type PayloadCheck = { ok: true } | { ok: false; detail: string; errors: FieldError[] };

/** Checks payloads against built-in event types and the tenant's own registered ones. */
export interface EventTypeRegistry {
  validate(tenantId: string, type: string, version: number, data: unknown): Promise<PayloadCheck>;
}

/**
 * Built-in catalog types are checked with their zod schemas; a type the catalog does not know is
 * looked up among the tenant's registered types, whose JSON Schema is compiled once per process
 * (a registered version never changes).
 */
export function createEventTypeRegistry(db: Database): EventTypeRegistry {
  const ajv = createAjv();
  const compiled = new Map<string, { validate: ValidateFunction; loadedAt: number }>();

  async function tenantValidator(tenantId: string, type: string, version: number): Promise<ValidateFunction | undefined> {
    const key = `${tenantId}\u0000${type}\u0000${version}`;
    const cached = compiled.get(key);
    if (cached && Date.now() - cached.loadedAt < TENANT_SCHEMA_TTL_MS) return cached.validate;
    const row = await db.eventType.findUnique({ where: { tenantId_type_version: { tenantId, type, version } } });
    if (!row) return undefined;
    const validate = ajv.compile(row.jsonSchema as object);
    compiled.set(key, { validate, loadedAt: Date.now() });
    return validate;
  }

  return {
    async validate(tenantId, type, version, data) {
      const builtIn = validatePayload(type, version, data);
      if (builtIn.ok) return { ok: true };
      if (builtIn.error.kind === 'invalid-payload') return { ok: false, detail: builtIn.error.message, errors: builtIn.error.errors };
      if (builtIn.error.kind === 'unknown-event-version') {
        return { ok: false, detail: builtIn.error.message, errors: [{ path: '/version', message: builtIn.error.message, expected: `one of ${builtIn.error.availableVersions.join(', ')}` }] };
      }
      const validate = await tenantValidator(tenantId, type, version);
      if (!validate) {
        const message = `"${type}" version ${version} is neither in the catalog nor registered by this tenant`;
        return { ok: false, detail: message, errors: [{ path: '/type', message, expected: 'a catalog event type' }] };
      }
      if (validate(data)) return { ok: true };
      const errors = (validate.errors ?? []).map(toFieldError);
      return { ok: false, detail: `The data of ${type} v${version} does not match its schema`, errors };
    },
  };
}

function toFieldError(error: ErrorObject): FieldError {
  const missing = error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : '';
  const expected =
    error.keyword === 'type' ? String(error.params.type)
    : error.keyword === 'required' ? 'a value'
    : error.keyword === 'enum' ? `one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
    : error.keyword === 'format' ? String(error.params.format)
    : (error.message ?? 'a valid value');
  return { path: `/data${error.instancePath}${missing}`, message: error.message ?? 'is invalid', expected };
}

function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv;
}

/**
 * Checks a JSON Schema a tenant wants to register: it must compile, describe an object, and accept
 * its example. Returns the problems, empty when the schema is usable.
 */
export function checkTenantSchema(jsonSchema: unknown, example: unknown): FieldError[] {
  if (typeof jsonSchema !== 'object' || jsonSchema === null || (jsonSchema as { type?: unknown }).type !== 'object') {
    return [{ path: '/jsonSchema/type', message: 'A payload schema must describe an object', expected: '"object"' }];
  }
  let validate: ValidateFunction;
  try {
    validate = createAjv().compile(jsonSchema);
  } catch (error) {
    return [{ path: '/jsonSchema', message: (error as Error).message, expected: 'a valid JSON Schema (draft 2020-12)' }];
  }
  if (example === undefined || validate(example)) return [];
  return (validate.errors ?? []).map(toFieldError).map((e) => ({ ...e, path: e.path.replace(/^\/data/, '/example') }));
}
