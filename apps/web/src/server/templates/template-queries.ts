import 'server-only';
import type { Prisma } from '@cascade/db';
import { afterKey, toPage } from '../http/pagination';
import { notFound } from '../http/problem';
import { db } from '../services';

/**
 * What a tenant sees: the global templates and its own, never another tenant's. Where a tenant's
 * own template has the key of a global one (registered before the global one was), its own wins.
 */
const visibleTo = (tenantId: string): Prisma.TemplateWhereInput => ({ OR: [{ tenantId }, { tenantId: null }] });

type TemplateRow = Prisma.TemplateGetPayload<object>;

export async function findVisibleTemplate(tenantId: string, key: string): Promise<TemplateRow> {
  const rows = await db().template.findMany({ where: { key, ...visibleTo(tenantId) } });
  const row = rows.find((template) => template.tenantId === tenantId) ?? rows[0];
  if (!row) throw notFound(`No template "${key}" among the global templates and this tenant’s`);
  return row;
}

export async function findTemplateVersion(template: TemplateRow, version = template.latestVersion) {
  const row = await db().templateVersion.findUnique({ where: { templateId_version: { templateId: template.id, version } } });
  if (!row) throw notFound(`Template "${template.key}" has no version ${version}; its latest is ${template.latestVersion}`);
  return row;
}

export interface TemplateFilter {
  category?: string;
  event?: string;
  tag?: string;
  q?: string;
  limit: number;
  cursor?: Array<string | number>;
}

/** The templates a tenant sees in a list: the global ones and its own, less the global ones its own shadow. */
async function listedFor(tenantId: string): Promise<Prisma.TemplateWhereInput[]> {
  const ownKeys = await db().template.findMany({ where: { tenantId }, select: { key: true } });
  return [visibleTo(tenantId), { NOT: { tenantId: null, key: { in: ownKeys.map((row) => row.key) } } }];
}

/** A page of the templates a tenant sees, by key, filtered on their latest version. */
export async function listVisibleTemplates(tenantId: string, filter: TemplateFilter) {
  const conditions: Prisma.TemplateWhereInput[] = [
    ...(await listedFor(tenantId)),
    afterKey<Prisma.TemplateWhereInput>(filter.cursor, [['key', 'string'], ['id', 'string']], 'asc'),
  ];
  if (filter.category) conditions.push({ category: filter.category });
  if (filter.event) conditions.push({ triggerEvent: filter.event });
  if (filter.tag) conditions.push({ tags: { has: filter.tag } });
  if (filter.q) {
    const contains = { contains: filter.q, mode: 'insensitive' } as const;
    conditions.push({ OR: [{ key: contains }, { name: contains }, { description: contains }] });
  }
  const rows = await db().template.findMany({ where: { AND: conditions }, orderBy: [{ key: 'asc' }, { id: 'asc' }], take: filter.limit + 1 });
  return toPage(rows, filter.limit, (row) => [row.key, row.id]);
}

/** The categories and trigger events among the templates a tenant sees, sorted, for the gallery's filters. */
export async function visibleTemplateFacets(tenantId: string) {
  const where = { AND: await listedFor(tenantId) };
  const [categories, events] = await Promise.all([
    db().template.findMany({ where, distinct: ['category'], orderBy: { category: 'asc' }, select: { category: true } }),
    db().template.findMany({ where: { AND: [where, { triggerEvent: { not: null } }] }, distinct: ['triggerEvent'], orderBy: { triggerEvent: 'asc' }, select: { triggerEvent: true } }),
  ]);
  return { categories: categories.map((row) => row.category), events: events.flatMap((row) => (row.triggerEvent === null ? [] : [row.triggerEvent])) };
}

export const toTemplateSummary = (row: TemplateRow) => ({
  key: row.key,
  visibility: row.tenantId === null ? ('global' as const) : ('tenant' as const),
  name: row.name,
  description: row.description,
  category: row.category,
  tags: row.tags,
  triggerEvent: row.triggerEvent,
  latestVersion: row.latestVersion,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** A template with every version's number and, of one version (the latest unless asked), its schema and definition. */
export async function templateDetail(template: TemplateRow, version?: number) {
  const [shown, versions] = await Promise.all([
    findTemplateVersion(template, version),
    db().templateVersion.findMany({
      where: { templateId: template.id },
      orderBy: { version: 'desc' },
      select: { version: true, createdAt: true, registeredBy: true },
    }),
  ]);
  return {
    ...toTemplateSummary(template),
    version: shown.version,
    parameterSchema: shown.parameterSchema as Record<string, unknown>,
    definition: shown.definition as Record<string, unknown>,
    versions: versions.map((v) => ({ version: v.version, registeredAt: v.createdAt.toISOString(), registeredBy: v.registeredBy })),
  };
}
