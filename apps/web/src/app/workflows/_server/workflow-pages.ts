import 'server-only';
import type { CustomEventFields, PublishedWorkflow, RemoteActionOption } from '@/designer/browser-catalog';
import { objectSchemaFields } from '@/designer/action-fields';
import { tenantCatalog } from '@/server/catalog';
import { db } from '@/server/services';

/** An event type as the trigger and event pickers list it. */
export interface EventOption {
  type: string;
  displayName: string;
  category: string;
}

/** What the pages of a tenant's workflows need to know about its event catalog. */
export async function eventCatalogFor(tenantId: string): Promise<{ options: EventOption[]; customEvents: CustomEventFields[] }> {
  const entries = await tenantCatalog(tenantId);
  const options = entries
    .map(({ type, displayName, category }) => ({ type, displayName, category }))
    .sort((a, b) => a.category.localeCompare(b.category) || a.type.localeCompare(b.type));
  // Built-in field lists are derived in the browser from @cascade/catalog; only the tenant's own travel.
  const customEvents = entries
    .filter((entry) => entry.custom)
    .map((entry) => ({ type: entry.type, versions: entry.versions.map(({ version, fields }) => ({ version, fields })) }));
  return { options, customEvents };
}

/** The actions the tenant registered over the API, which action nodes may call like built-ins. */
export function remoteActionsOf(tenantId: string): Promise<RemoteActionOption[]> {
  return db().remoteAction.findMany({
    where: { tenantId },
    orderBy: { actionId: 'asc' },
    select: { actionId: true, label: true, description: true, inputSchema: true, outputSchema: true },
  }).then((rows) =>
    rows.map((row) => {
      // Field lists, not schemas, travel to the browser: the picker and the input form need no more.
      const [inputFields, outputFields] = [objectSchemaFields(row.inputSchema), objectSchemaFields(row.outputSchema)];
      return { id: row.actionId, label: row.label, description: row.description, ...(inputFields ? { inputFields } : {}), ...(outputFields ? { outputFields } : {}) };
    }),
  );
}

/** The workflows with a published version, which a sub-workflow node may pin. */
export async function publishedWorkflowsOf(tenantId: string): Promise<PublishedWorkflow[]> {
  const rows = await db().workflow.findMany({
    where: { tenantId, versions: { some: {} } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, versions: { orderBy: { version: 'desc' }, select: { version: true } } },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, versions: row.versions.map((v) => v.version) }));
}
