import { validatePayload, type FieldError } from '@cascade/catalog';
import type { Database } from '@cascade/db';
import { BoundedCache } from './bounded-cache';
import { compileTenantSchema, MAX_COMPILED_SCHEMAS, toFieldError, type SchemaCompilation } from './tenant-schemas';

/** A registered version may gain optional fields in place (a minor change); replicas see it this soon. */
const TENANT_SCHEMA_TTL_MS = 10_000;

export type PayloadCheck = { ok: true } | { ok: false; detail: string; errors: FieldError[] };

/** Checks payloads against built-in event types and the tenant's own registered ones. */
export interface EventTypeRegistry {
  validate(tenantId: string, type: string, version: number, data: unknown): Promise<PayloadCheck>;
}

/**
 * Built-in catalog types are checked with their zod schemas; a type the catalog does not know is
 * looked up among the tenant's registered types, whose JSON Schema is re-read after a while (a
 * version may change in place by an additive edit) and compiled only when its text changed.
 */
export function createEventTypeRegistry(db: Database): EventTypeRegistry {
  const loaded = new BoundedCache<string, { compiled: SchemaCompilation; loadedAt: number }>(MAX_COMPILED_SCHEMAS);

  async function tenantSchema(tenantId: string, type: string, version: number): Promise<SchemaCompilation | undefined> {
    const key = `${tenantId}\u0000${type}\u0000${version}`;
    const cached = loaded.get(key);
    if (cached && Date.now() - cached.loadedAt < TENANT_SCHEMA_TTL_MS) return cached.compiled;
    const row = await db.eventType.findUnique({ where: { tenantId_type_version: { tenantId, type, version } } });
    if (!row) return undefined;
    const compiled = compileTenantSchema(row.jsonSchema as object);
    loaded.set(key, { compiled, loadedAt: Date.now() });
    return compiled;
  }

  return {
    async validate(tenantId, type, version, data) {
      const builtIn = validatePayload(type, version, data);
      if (builtIn.ok) return { ok: true };
      if (builtIn.error.kind === 'invalid-payload') return { ok: false, detail: builtIn.error.message, errors: builtIn.error.errors };
      if (builtIn.error.kind === 'unknown-event-version') {
        return { ok: false, detail: builtIn.error.message, errors: [{ path: '/version', message: builtIn.error.message, expected: `one of ${builtIn.error.availableVersions.join(', ')}` }] };
      }
      const schema = await tenantSchema(tenantId, type, version);
      if (!schema) {
        const message = `"${type}" version ${version} is neither in the catalog nor registered by this tenant`;
        return { ok: false, detail: message, errors: [{ path: '/type', message, expected: 'a catalog event type' }] };
      }
      if (!schema.ok) {
        // Registered before a rule it breaks (a pattern with lookaround): say so rather than fail.
        const message = `The registered schema of ${type} v${version} cannot be used: ${schema.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`;
        return { ok: false, detail: message, errors: [{ path: '/type', message, expected: 'an event type whose schema compiles; register it again' }] };
      }
      if (schema.validate(data)) return { ok: true };
      const errors = (schema.validate.errors ?? []).map(toFieldError);
      return { ok: false, detail: `The data of ${type} v${version} does not match its schema`, errors };
    },
  };
}
