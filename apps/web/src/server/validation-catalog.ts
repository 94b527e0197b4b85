import 'server-only';
import { getActionManifest } from '@cascade/actions/manifest';
import { getEventDefinition, listPayloadFields, type JsonSchema } from '@cascade/catalog';
import { manifestFields, objectSchemaFields } from '../designer/action-fields';
import { checkTenantSchema } from '@cascade/ingestion';
import type { CatalogAction, CatalogEvent, SchemaIssue, ValidationCatalog, ValueCheck } from '@cascade/workflow';
import { tenantCatalog } from './catalog';
import { db } from './services';

/** `/example/lines/0/sku` → ['lines', 0, 'sku'], the path form the validator reports under. */
const pointerToPath = (pointer: string): PropertyKey[] =>
  pointer
    .split('/')
    .slice(2)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** Checks a value against a tenant's JSON Schema (event payload or remote action input) with Ajv. */
const jsonSchemaCheck =
  (jsonSchema: unknown): ValueCheck =>
  (value): SchemaIssue[] =>
    checkTenantSchema(jsonSchema, value).map((error) => ({ path: pointerToPath(error.path), message: error.message }));

/**
 * What the workflow validator needs to know about one tenant: the built-in catalog plus the
 * tenant's own event types, the built-in actions plus the tenant's remote actions, and its
 * published workflow versions. A null tenant has the built-in catalog and actions alone: what every
 * tenant has, and so what a global template may use.
 */
export async function validationCatalogFor(tenantId: string | null): Promise<ValidationCatalog> {
  const entries = new Map((await tenantCatalog(tenantId)).map((entry) => [entry.type, entry]));
  const [versions, remoteActions] =
    tenantId === null
      ? [[], []]
      : await Promise.all([
          db().workflowVersion.findMany({ where: { tenantId }, select: { workflowId: true, version: true } }),
          db().remoteAction.findMany({ where: { tenantId }, select: { actionId: true, inputSchema: true, outputSchema: true } }),
        ]);
  const published = new Set(versions.map((v) => `${v.workflowId}@${v.version}`));
  const remote = new Map(remoteActions.map((action) => [action.actionId, action]));
  return {
    getEvent(type, version): CatalogEvent | undefined {
      const entry = entries.get(type);
      const at = version === undefined ? entry?.versions.at(-1) : entry?.versions.find((v) => v.version === version);
      if (!entry || !at) return undefined;
      const builtIn = getEventDefinition(type, at.version);
      return {
        version: at.version,
        fields: at.fields,
        validatePayload: (value): SchemaIssue[] => {
          if (builtIn) {
            const result = builtIn.payload.safeParse(value);
            return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }));
          }
          return jsonSchemaCheck(at.jsonSchema)(value);
        },
      };
    },
    getAction(id): CatalogAction | undefined {
      // Built-in ids win: the actions API refuses to register a remote action under one.
      const manifest = getActionManifest(id);
      if (manifest) return { input: manifest.input, ...manifestFields(manifest) };
      const action = remote.get(id);
      if (!action) return undefined;
      const [inputFields, outputFields] = [objectSchemaFields(action.inputSchema), objectSchemaFields(action.outputSchema)];
      return { input: jsonSchemaCheck(action.inputSchema), ...(inputFields ? { inputFields } : {}), ...(outputFields ? { outputFields } : {}) };
    },
    getWorkflow: (id, version) => (published.has(`${id}@${version}`) ? {} : undefined),
  };
}

/**
 * `catalog` as it would be with `jsonSchema` registered as `version` of the tenant event type
 * `type`: what a workflow reading the type's latest version, or that version, would then see.
 */
export function withProposedEventType(catalog: ValidationCatalog, type: string, version: number, jsonSchema: JsonSchema): ValidationCatalog {
  const proposed: CatalogEvent = { version, fields: listPayloadFields(jsonSchema), validatePayload: jsonSchemaCheck(jsonSchema) };
  return {
    ...catalog,
    getEvent: (asked, askedVersion) => (asked === type && (askedVersion === undefined || askedVersion === version) ? proposed : catalog.getEvent(asked, askedVersion)),
  };
}
