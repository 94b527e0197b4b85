import 'server-only';
import {
  checkSchemaLimits,
  describeChange,
  eventTypeNamePattern,
  type JsonSchema,
} from '@cascade/catalog';
import type { Prisma } from '@cascade/db';
import { checkTenantSchema } from '@cascade/ingestion';
import { z } from 'zod';
import { filterCatalog, isBuiltInType, tenantCatalog, workflowsTriggeredBy, type CatalogEntry } from '../catalog';
import { compareWithRegistered, eventTypeImpact } from '../event-type-impact';
import { defineRoute } from '../http/define-route';
import { pageInMemory, pageOf, pageQuery } from '../http/pagination';
import { HttpError, notFound, unprocessable } from '../http/problem';
import { db } from '../services';
import { versionNumber } from '../http/stored-integer';

const Field = z.object({
  path: z.string(),
  type: z.string(),
  itemType: z.string().optional(),
  format: z.string().optional(),
  enum: z.array(z.unknown()).optional(),
  description: z.string(),
  optional: z.boolean(),
  nullable: z.boolean(),
});

const VersionDetail = z.object({
  version: z.number().int(),
  payloadSchemaRef: z.string(),
  jsonSchema: z.record(z.string(), z.unknown()),
  fields: z.array(Field),
  example: z.unknown(),
});

const EventTypeSummary = z
  .object({
    type: z.string(),
    displayName: z.string(),
    description: z.string(),
    category: z.string(),
    domain: z.string(),
    custom: z.boolean().describe('Registered by this tenant rather than built in'),
    versions: z.array(z.number().int()),
    latestVersion: z.number().int(),
    payloadSchemaRef: z.string().describe('Of the latest version'),
  })
  .meta({ id: 'EventTypeSummary' });

const EventTypeDetail = EventTypeSummary.extend({
  versionDetails: z.array(VersionDetail),
  workflows: z.array(z.object({ id: z.uuid(), name: z.string() })).describe('Published workflows this type triggers'),
}).meta({ id: 'EventTypeDetail' });

function summarize(entry: CatalogEntry) {
  const latest = entry.versions.at(-1)!;
  return {
    type: entry.type,
    displayName: entry.displayName,
    description: entry.description,
    category: entry.category,
    domain: entry.domain,
    custom: entry.custom,
    versions: entry.versions.map((v) => v.version),
    latestVersion: latest.version,
    payloadSchemaRef: latest.payloadSchemaRef,
  };
}

export const listCatalogEvents = defineRoute({
  method: 'GET',
  path: '/api/v1/catalog/events',
  operationId: 'listCatalogEvents',
  summary: 'Every event type usable as a trigger: the built-in catalog plus the tenant’s own',
  tags: ['Catalog'],
  scope: 'workflows:read',
  query: z.object({
    category: z.string().optional().describe('Exact category, e.g. Tickets'),
    q: z.string().trim().min(1).optional().describe('Search in type, name, description and field paths'),
    ...pageQuery({ max: 500, default: 100 }),
  }),
  response: { status: 200, description: 'Ordered by category, then type', schema: pageOf(EventTypeSummary) },
  async handle({ query, principal }) {
    const { limit, cursor, ...filter } = query;
    const page = pageInMemory(filterCatalog(await tenantCatalog(principal.tenantId), filter), limit, cursor, (entry) => entry.type);
    return { items: page.rows.map(summarize), nextCursor: page.nextCursor };
  },
});

export async function catalogEventDetail(tenantId: string, type: string) {
  const entry = (await tenantCatalog(tenantId)).find((e) => e.type === type);
  if (!entry) throw notFound(`No event type "${type}" in the catalog of this tenant`);
  return { ...summarize(entry), versionDetails: entry.versions, workflows: await workflowsTriggeredBy(tenantId, type) };
}

export const getCatalogEvent = defineRoute({
  method: 'GET',
  path: '/api/v1/catalog/events/{type}',
  operationId: 'getCatalogEvent',
  summary: 'One event type: its versions with JSON Schema, field list and example, and the workflows it triggers',
  tags: ['Catalog'],
  scope: 'workflows:read',
  params: z.object({ type: z.string() }),
  response: { status: 200, description: 'The event type', schema: EventTypeDetail },
  errors: { 404: 'Not in the built-in catalog nor registered by the tenant' },
  handle: ({ params, principal }) => catalogEventDetail(principal.tenantId, decodeURIComponent(params.type)),
});

const eventTypeName = z.string().regex(eventTypeNamePattern, 'must be SCREAMING_SNAKE_CASE or dotted lower case, e.g. acme.order.shipped');
const payloadJsonSchema = z.record(z.string(), z.unknown()).describe('JSON Schema (draft 2020-12) of the payload');

/** A payload schema a tenant may register: within the limits, and compiling (with its example, when one is given). */
function checkPayloadSchema(jsonSchema: Record<string, unknown>, example: unknown): void {
  const tooLarge = checkSchemaLimits(jsonSchema, '/jsonSchema');
  if (tooLarge.length) throw unprocessable('The payload schema exceeds a limit', tooLarge);
  const problems = checkTenantSchema(jsonSchema, example);
  if (problems.length) throw unprocessable('The payload schema or its example is invalid', problems);
}

export const registerEventType = defineRoute({
  method: 'POST',
  path: '/api/v1/catalog/events',
  operationId: 'registerEventType',
  summary: 'Register a tenant event type, or a new version of one (checked for compatibility)',
  tags: ['Catalog'],
  scope: 'admin',
  body: z
    .object({
      type: eventTypeName,
      version: versionNumber().default(1),
      displayName: z.string().trim().min(1).max(200),
      description: z.string().trim().max(2000).default(''),
      category: z.string().trim().min(1).max(100).default('Custom'),
      jsonSchema: payloadJsonSchema,
      example: z.unknown().optional(),
    })
    .meta({ id: 'RegisterEventType' }),
  response: { status: 201, description: 'Registered (or updated in place by a compatible, additive change)', schema: EventTypeDetail },
  errors: {
    409: 'The type is built in, or the change breaks the version and needs the next one',
    422: 'The schema exceeds a size, nesting or expansion limit, does not compile, or the example does not match it',
  },
  async handle({ body, principal }) {
    if (isBuiltInType(body.type)) throw new HttpError(409, 'Conflict', `"${body.type}" is a built-in event type; choose another name`);
    checkPayloadSchema(body.jsonSchema, body.example);

    const existing = await db().eventType.findMany({ where: { tenantId: principal.tenantId, type: body.type }, orderBy: { version: 'asc' } });
    const sameVersion = existing.find((row) => row.version === body.version);
    const latest = existing.at(-1)?.version ?? 0;
    if (!sameVersion && body.version !== latest + 1) {
      throw new HttpError(409, 'Conflict', `The next version of "${body.type}" is ${latest + 1}, not ${body.version}`);
    }
    if (sameVersion) {
      // Only additive changes (a minor version) may replace a registered version in place.
      const result = compareWithRegistered(sameVersion.jsonSchema as JsonSchema, body.jsonSchema as JsonSchema, body.version);
      if (result.kind === 'major') {
        throw new HttpError(
          409,
          'Conflict',
          `This change breaks version ${body.version} of "${body.type}"; register it as version ${latest + 1}, which runs side by side`,
          result.changes.filter((c) => c.breaking).map((c) => ({ path: `/jsonSchema/${c.path}`, message: describeChange(c) })),
        );
      }
    }
    const data = {
      displayName: body.displayName,
      description: body.description,
      category: body.category,
      jsonSchema: body.jsonSchema as Prisma.InputJsonValue,
      example: (body.example ?? undefined) as Prisma.InputJsonValue | undefined,
    };
    await db().eventType.upsert({
      where: { tenantId_type_version: { tenantId: principal.tenantId, type: body.type, version: body.version } },
      create: { tenantId: principal.tenantId, type: body.type, version: body.version, ...data },
      update: data,
    });
    return catalogEventDetail(principal.tenantId, body.type);
  },
});

const FieldRead = z.object({ nodeId: z.string(), field: z.string().describe('Where in the node: filter, input.amount'), path: z.string().describe('The payload field read') });
const BreakingProblem = z.object({ nodeId: z.string().optional(), edgeId: z.string().optional(), field: z.string().optional(), code: z.string(), message: z.string() });

const EventTypeImpact = z
  .object({
    compatibility: z
      .object({
        comparedWith: z.number().int().describe('The latest registered version'),
        kind: z.enum(['none', 'minor', 'major']),
        changes: z.array(z.object({ path: z.string(), change: z.string(), breaking: z.boolean(), previous: z.string().optional(), next: z.string().optional() })),
      })
      .nullable()
      .describe('Null for a type not registered yet'),
    workflows: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        definition: z.union([z.object({ kind: z.literal('published'), version: z.number().int() }), z.object({ kind: z.literal('draft') })]),
        reads: z.array(FieldRead),
        breaks: z.array(BreakingProblem).describe('Problems the workflow would have under the schema that it does not have today'),
      }),
    ),
    stoppedEarly: z.string().nullable().describe('Why the preview stopped before checking every workflow naming the type (it validates for a few seconds at most), or null'),
  })
  .meta({ id: 'EventTypeImpact' });

export const previewEventTypeImpact = defineRoute({
  method: 'POST',
  path: '/api/v1/catalog/events/{type}/impact',
  operationId: 'previewEventTypeImpact',
  summary: 'What registering a payload schema for a tenant event type would do: the compatibility of the change, and each workflow naming the type with the fields it reads and what the change breaks in it',
  tags: ['Catalog'],
  scope: 'admin',
  audit: false, // a preview: it changes nothing
  params: z.object({ type: z.string() }),
  body: z.object({ version: versionNumber().optional().describe('Defaults to the next version'), jsonSchema: payloadJsonSchema }).meta({ id: 'EventTypeImpactRequest' }),
  response: { status: 200, description: 'Nothing is registered', schema: EventTypeImpact },
  errors: {
    409: 'The type is built in',
    422: 'The type is not a valid name, or the schema exceeds a limit or does not compile',
  },
  async handle({ params, body, principal }) {
    const type = decodeURIComponent(params.type);
    const named = eventTypeName.safeParse(type);
    if (!named.success) throw unprocessable('The event type is not a valid name', [{ path: '/params/type', message: named.error.issues[0]!.message }]);
    if (isBuiltInType(type)) throw new HttpError(409, 'Conflict', `"${type}" is a built-in event type; only a tenant's own types change`);
    checkPayloadSchema(body.jsonSchema, undefined);
    return eventTypeImpact(principal.tenantId, { type, ...(body.version !== undefined ? { version: body.version } : {}), jsonSchema: body.jsonSchema as JsonSchema });
  },
});
