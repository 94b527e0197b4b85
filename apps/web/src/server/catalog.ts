import 'server-only';
import {
  listEventDefinitions,
  listPayloadFields,
  payloadFieldsOf,
  payloadJsonSchema,
  payloadSchemaRefFor,
  type JsonSchema,
  type PayloadField,
} from '@cascade/catalog';
import { db } from './services';

/** An event type at one version as the API and pages show it: built in, or registered by the tenant. */
export interface CatalogVersion {
  version: number;
  payloadSchemaRef: string;
  jsonSchema: JsonSchema;
  fields: PayloadField[];
  example: unknown;
}

export interface CatalogEntry {
  type: string;
  displayName: string;
  description: string;
  category: string;
  domain: string;
  custom: boolean;
  /** Oldest first; the last is the latest. */
  versions: CatalogVersion[];
}

function builtInEntries(): Map<string, CatalogEntry> {
  const entries = new Map<string, CatalogEntry>();
  for (const definition of listEventDefinitions()) {
    const entry = entries.get(definition.type) ?? {
      type: definition.type,
      displayName: definition.displayName,
      description: definition.description,
      category: definition.category,
      domain: definition.domain,
      custom: false,
      versions: [],
    };
    entry.versions.push({
      version: definition.version,
      payloadSchemaRef: definition.payloadSchemaRef,
      jsonSchema: payloadJsonSchema(definition),
      fields: payloadFieldsOf(definition),
      example: definition.example,
    });
    // The newest version's wording describes the type.
    Object.assign(entry, { displayName: definition.displayName, description: definition.description, category: definition.category });
    entries.set(definition.type, entry);
  }
  return entries;
}

let builtIns: Map<string, CatalogEntry> | undefined;

/**
 * Every event type the tenant can use: the built-in catalog plus its own registered types. A null
 * tenant (what global templates are checked against) has the built-in catalog alone.
 */
export async function tenantCatalog(tenantId: string | null): Promise<CatalogEntry[]> {
  builtIns ??= builtInEntries();
  const custom = new Map<string, CatalogEntry>();
  const rows = tenantId === null ? [] : await db().eventType.findMany({ where: { tenantId }, orderBy: [{ type: 'asc' }, { version: 'asc' }] });
  for (const row of rows) {
    const entry = custom.get(row.type) ?? {
      type: row.type,
      displayName: row.displayName,
      description: row.description,
      category: row.category,
      domain: 'tenant',
      custom: true,
      versions: [],
    };
    const jsonSchema = row.jsonSchema as JsonSchema;
    entry.versions.push({
      version: row.version,
      payloadSchemaRef: payloadSchemaRefFor(row.type, row.version),
      jsonSchema,
      fields: listPayloadFields(jsonSchema),
      example: row.example,
    });
    Object.assign(entry, { displayName: row.displayName, description: row.description, category: row.category });
    custom.set(row.type, entry);
  }
  return [...builtIns.values(), ...custom.values()];
}

export function isBuiltInType(type: string): boolean {
  builtIns ??= builtInEntries();
  return builtIns.has(type);
}

/**
 * The entries in a category and matching a search (type, name, description or a field path of the
 * latest version), ordered by category then type. The API and the catalog page share it.
 */
export function filterCatalog(entries: CatalogEntry[], filter: { category?: string; q?: string }): CatalogEntry[] {
  const needle = filter.q?.trim().toLowerCase();
  const matches = (entry: CatalogEntry) =>
    [entry.type, entry.displayName, entry.description, ...entry.versions.at(-1)!.fields.map((f) => f.path)].some((text) =>
      text.toLowerCase().includes(needle!),
    );
  return entries
    .filter((entry) => !filter.category || entry.category === filter.category)
    .filter((entry) => !needle || matches(entry))
    .sort((a, b) => a.category.localeCompare(b.category) || a.type.localeCompare(b.type));
}

/** The tenant's workflows whose published trigger is `type`. */
export function workflowsTriggeredBy(tenantId: string, type: string) {
  return db().workflow.findMany({
    where: { tenantId, trigger: { eventType: type } },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
}
