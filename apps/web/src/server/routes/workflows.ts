import 'server-only';
import type { Prisma } from '@cascade/db';
import { z } from 'zod';
import { defineRoute } from '../http/define-route';
import { afterKey, pageOf, pageQuery, toPage } from '../http/pagination';
import { DEFINITION_LIMITS } from '@cascade/workflow';
import { HttpError, notFound, problemSeverityAndFix } from '../http/problem';
import { db } from '../services';
import { runCountsOfVersions } from '../run-store';
import { assertWithinLimits, checkForPublishing, recordPublishedVersion } from '../workflow-publishing';

/**
 * The stored definition is validated in full on publish (422 with node-addressed problems); a
 * draft only has to be a JSON object, so work in progress can be saved at any time.
 */
const Definition = z
  .record(z.string(), z.unknown())
  .describe('Workflow definition JSON: { schemaVersion: 1, name, description?, nodes, edges, variables? }; a draft may be incomplete, publishing checks it in full')
  .meta({ id: 'WorkflowDefinition' });

/** Room beside the largest definition for the name, description and JSON around it. */
export const MAX_SAVE_BODY_BYTES = DEFINITION_LIMITS.bytes + 64 * 1024;
const overLimits = `The definition exceeds a limit: ${DEFINITION_LIMITS.nodes} nodes or ${DEFINITION_LIMITS.edges} edges (forEach bodies included), ${DEFINITION_LIMITS.bytes} bytes of JSON, ${DEFINITION_LIMITS.forEachDepth} levels of forEach, or ${DEFINITION_LIMITS.jsonDepth} levels of objects and arrays`;

export const WorkflowSummary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    enabled: z.boolean(),
    latestVersion: z.number().int().nullable(),
    template: z
      .object({
        key: z.string(),
        version: z.number().int(),
        parameters: z.record(z.string(), z.unknown()).describe('The parameter values the workflow was instantiated with'),
        latestVersion: z.number().int().nullable().describe('The template’s latest version; null when the template is gone'),
        outdated: z.boolean().describe('The template has a version newer than the one the workflow came from'),
      })
      .nullable()
      .describe('The template this workflow was instantiated from; null when it was drawn by hand'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'WorkflowSummary' });

export const Workflow = WorkflowSummary.extend({ draft: Definition }).meta({ id: 'Workflow' });

export const workflowInclude = {
  versions: { orderBy: { version: 'desc' }, take: 1, select: { version: true } },
  template: { select: { latestVersion: true, name: true } },
} as const;
type WorkflowRow = Prisma.WorkflowGetPayload<{ include: typeof workflowInclude }>;

export const toSummary = (row: WorkflowRow) => ({
  id: row.id,
  name: row.name,
  description: row.description,
  enabled: row.enabled,
  latestVersion: row.versions[0]?.version ?? null,
  template:
    row.templateKey !== null && row.templateVersion !== null
      ? {
          key: row.templateKey,
          version: row.templateVersion,
          parameters: (row.templateParameters ?? {}) as Record<string, unknown>,
          latestVersion: row.template?.latestVersion ?? null,
          outdated: (row.template?.latestVersion ?? row.templateVersion) > row.templateVersion,
        }
      : null,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export const toWorkflow = (row: WorkflowRow) => ({ ...toSummary(row), draft: row.draft as Record<string, unknown> });

export async function findWorkflow(tenantId: string, id: string): Promise<WorkflowRow> {
  const row = await db().workflow.findFirst({ where: { id, tenantId }, include: workflowInclude });
  if (!row) throw notFound(`No workflow ${id} in this tenant`);
  return row;
}

export const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'P2002';
export const nameTaken = (name: string) => new HttpError(409, 'Conflict', `A workflow named "${name}" already exists in this tenant`);

export const listWorkflows = defineRoute({
  method: 'GET',
  path: '/api/v1/workflows',
  operationId: 'listWorkflows',
  summary: 'The workflows of the caller’s tenant',
  tags: ['Workflows'],
  scope: 'workflows:read',
  query: z.object({
    outdatedTemplate: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional()
      .describe('true: only workflows instantiated from a template that has a newer version since'),
    ...pageQuery({ max: 500, default: 100 }),
  }),
  response: { status: 200, description: 'Most recently changed first', schema: pageOf(WorkflowSummary) },
  async handle({ query, principal }) {
    const outdated = query.outdatedTemplate ? { id: { in: await outdatedWorkflowIds(principal.tenantId) } } : {};
    const rows = await db().workflow.findMany({
      where: {
        ...afterKey<Prisma.WorkflowWhereInput>(query.cursor, [['updatedAt', 'date'], ['id', 'string']], 'desc'),
        ...outdated,
        tenantId: principal.tenantId,
      },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      include: workflowInclude,
      take: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (row) => [row.updatedAt, row.id]);
    return { items: page.rows.map(toSummary), nextCursor: page.nextCursor };
  },
});

/** Workflows of the tenant whose template has moved on; Prisma cannot compare columns of two tables. */
async function outdatedWorkflowIds(tenantId: string): Promise<string[]> {
  const rows = await db().$queryRaw<Array<{ id: string }>>`
    SELECT w.id::text AS id FROM workflows w JOIN templates t ON t.id = w.template_id
    WHERE w.tenant_id = ${tenantId}::uuid AND w.template_version < t.latest_version`;
  return rows.map((row) => row.id);
}

export const createWorkflow = defineRoute({
  method: 'POST',
  path: '/api/v1/workflows',
  operationId: 'createWorkflow',
  summary: 'Create a workflow with a draft definition',
  tags: ['Workflows'],
  scope: 'workflows:write',
  body: z
    .object({ name: z.string().trim().min(1).max(200), description: z.string().max(2000).optional(), definition: Definition })
    .meta({ id: 'CreateWorkflow' }),
  maxBodyBytes: MAX_SAVE_BODY_BYTES,
  response: { status: 201, description: 'The new workflow; publish it to make it run', schema: Workflow },
  errors: { 409: 'The name is taken in this tenant', 422: overLimits },
  async handle({ body, principal }) {
    assertWithinLimits(body.definition);
    try {
      const row = await db().workflow.create({
        data: {
          tenantId: principal.tenantId,
          name: body.name,
          description: body.description ?? null,
          draft: body.definition as Prisma.InputJsonValue,
        },
        include: workflowInclude,
      });
      return toWorkflow(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(body.name);
      throw error;
    }
  },
});

export const getWorkflow = defineRoute({
  method: 'GET',
  path: '/api/v1/workflows/{id}',
  operationId: 'getWorkflow',
  summary: 'A workflow with its draft definition',
  tags: ['Workflows'],
  scope: 'workflows:read',
  params: z.object({ id: z.uuid() }),
  response: { status: 200, description: 'The workflow', schema: Workflow },
  errors: { 404: 'No such workflow in the caller’s tenant' },
  handle: async ({ params, principal }) => toWorkflow(await findWorkflow(principal.tenantId, params.id)),
});

export const saveWorkflow = defineRoute({
  method: 'PUT',
  path: '/api/v1/workflows/{id}',
  operationId: 'saveWorkflow',
  summary: 'Save the draft (and name, description, enabled); published versions are untouched',
  tags: ['Workflows'],
  scope: 'workflows:write',
  params: z.object({ id: z.uuid() }),
  body: z
    .object({
      name: z.string().trim().min(1).max(200).optional(),
      description: z.string().max(2000).nullable().optional(),
      enabled: z.boolean().optional().describe('A disabled workflow starts no new runs; running ones continue'),
      definition: Definition.optional(),
    })
    .meta({ id: 'SaveWorkflow' }),
  maxBodyBytes: MAX_SAVE_BODY_BYTES,
  response: { status: 200, description: 'The saved workflow', schema: Workflow },
  errors: { 404: 'No such workflow in the caller’s tenant', 409: 'The name is taken in this tenant', 422: overLimits },
  async handle({ params, body, principal, audit }) {
    assertWithinLimits(body.definition);
    const existing = await findWorkflow(principal.tenantId, params.id);
    try {
      const row = await db().$transaction(async (tx) => {
        if (body.enabled !== undefined) await tx.trigger.updateMany({ where: { workflowId: existing.id }, data: { enabled: body.enabled } });
        await audit(tx);
        return tx.workflow.update({
          where: { id: existing.id },
          data: {
            ...(body.name !== undefined ? { name: body.name } : {}),
            ...(body.description !== undefined ? { description: body.description } : {}),
            ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
            ...(body.definition !== undefined ? { draft: body.definition as Prisma.InputJsonValue } : {}),
          },
          include: workflowInclude,
        });
      });
      return toWorkflow(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(body.name ?? existing.name);
      throw error;
    }
  },
});

const Version = z
  .object({ id: z.uuid(), version: z.number().int(), publishedAt: z.iso.datetime(), publishedBy: z.string().nullable(), definition: Definition })
  .meta({ id: 'WorkflowVersion' });

const PublishedVersion = Version.extend({
  warnings: z
    .array(z.object({ path: z.string(), message: z.string(), nodeId: z.string().optional(), field: z.string().optional(), code: z.string(), ...problemSeverityAndFix }))
    .describe('What the validator warns about but publishes anyway (a literal "event.data.x" that was probably meant as an expression), each with its fix'),
}).meta({ id: 'PublishedWorkflowVersion' });

type VersionRow = { id: string; version: number; publishedAt: Date; publishedBy: string | null; definition: Prisma.JsonValue };

export const toVersion = (v: VersionRow) => ({
  id: v.id,
  version: v.version,
  publishedAt: v.publishedAt.toISOString(),
  publishedBy: v.publishedBy,
  definition: v.definition as Record<string, unknown>,
});

const ListedVersion = Version.extend({
  runs: z
    .object({ running: z.number().int(), completed: z.number().int(), failed: z.number().int(), cancelled: z.number().int() })
    .describe('The runs of this version by status; running ones keep this version whatever is published after'),
}).meta({ id: 'ListedWorkflowVersion' });

export const listWorkflowVersions = defineRoute({
  method: 'GET',
  path: '/api/v1/workflows/{id}/versions',
  operationId: 'listWorkflowVersions',
  summary: 'The immutable published versions of a workflow, newest first',
  tags: ['Workflows'],
  scope: 'workflows:read',
  params: z.object({ id: z.uuid() }),
  query: z.object(pageQuery({ max: 100, default: 20 })),
  response: { status: 200, description: 'Newest first, each with its run counts', schema: pageOf(ListedVersion) },
  errors: { 404: 'No such workflow in the caller’s tenant' },
  async handle({ params, query, principal }) {
    const workflow = await findWorkflow(principal.tenantId, params.id);
    const rows = await db().workflowVersion.findMany({
      where: { ...afterKey<Prisma.WorkflowVersionWhereInput>(query.cursor, [['version', 'int']], 'desc'), workflowId: workflow.id },
      orderBy: { version: 'desc' },
      take: query.limit + 1,
    });
    const { rows: versions, nextCursor } = toPage(rows, query.limit, (v) => [v.version]);
    const runs = await runCountsOfVersions(versions.map((v) => v.id));
    return { nextCursor, items: versions.map((v) => ({ ...toVersion(v), runs: runs.get(v.id)! })) };
  },
});

export const publishWorkflow = defineRoute({
  method: 'POST',
  path: '/api/v1/workflows/{id}/publish',
  operationId: 'publishWorkflow',
  summary: 'Publish the draft as a new immutable version, after validating the whole graph',
  tags: ['Workflows'],
  scope: 'workflows:write',
  params: z.object({ id: z.uuid() }),
  response: { status: 201, description: 'The new version; its trigger now starts runs', schema: PublishedVersion },
  errors: { 404: 'No such workflow in the caller’s tenant', 422: 'The draft is invalid or exceeds a limit; `errors` addresses each problem by node and field' },
  async handle({ params, principal, audit }) {
    const workflow = await findWorkflow(principal.tenantId, params.id);
    const { definition, warnings } = await checkForPublishing(principal.tenantId, workflow.draft);
    const version = await db().$transaction(async (tx) => {
      await audit(tx);
      return recordPublishedVersion(tx, workflow, definition, principal.id);
    });
    return { ...toVersion(version), warnings };
  },
});
