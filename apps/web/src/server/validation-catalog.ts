import 'server-only';
import { getActionManifest } from '@cascade/actions/manifest';
import { getEventDefinition } from '@cascade/catalog';
import { checkTenantSchema } from '@cascade/ingestion';
import type { CatalogEvent, SchemaIssue, ValidationCatalog } from '@cascade/workflow';
import { tenantCatalog } from './catalog';
import { db } from './services';

/** `/example/lines/0/sku` → ['lines', 0, 'sku'], the path form the validator reports under. */
const pointerToPath = (pointer: string): PropertyKey[] =>
  pointer
    .split('/')
    .slice(2)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * What the workflow validator needs to know about one tenant: the built-in catalog plus the
 * tenant's own event types, the registered actions, and its published workflow versions.
 */
export async function validationCatalogFor(tenantId: string): Promise<ValidationCatalog> {
  const entries = new Map((await tenantCatalog(tenantId)).map((entry) => [entry.type, entry]));
  const versions = await db().workflowVersion.findMany({ where: { tenantId }, select: { workflowId: true, version: true } });
  const published = new Set(versions.map((v) => `${v.workflowId}@${v.version}`));
  return {
    getEvent(type): CatalogEvent | undefined {
      const entry = entries.get(type);
      const latest = entry?.versions.at(-1);
      if (!entry || !latest) return undefined;
      const builtIn = getEventDefinition(type);
      return {
        fields: latest.fields,
        validatePayload: (value): SchemaIssue[] => {
          if (builtIn) {
            const result = builtIn.payload.safeParse(value);
            return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }));
          }
          return checkTenantSchema(latest.jsonSchema, value).map((error) => ({ path: pointerToPath(error.path), message: error.message }));
        },
      };
    },
    getAction(id) {
      const manifest = getActionManifest(id);
      return manifest && { input: manifest.input };
    },
    getWorkflow: (id, version) => (published.has(`${id}@${version}`) ? {} : undefined),
  };
}
