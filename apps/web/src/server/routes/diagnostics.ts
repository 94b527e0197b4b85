import 'server-only';
import { randomUUID } from 'node:crypto';
import { TASK_QUEUE, WORKFLOW_NAMES, roundtripWorkflowId, type RoundtripInput } from '@cascade/temporal';
import { z } from 'zod';
import type { Prisma } from '@cascade/db';
import { defineRoute } from '../http/define-route';
import { afterKey, pageOf, pageQuery, toPage } from '../http/pagination';
import { HttpError } from '../http/problem';
import { db, logger, temporal } from '../services';

const Roundtrip = z
  .object({
    id: z.uuid(),
    message: z.string(),
    workflowId: z.string(),
    requestedAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Roundtrip', description: 'A diagnostic trip through API, Temporal, worker and database' });

const toRoundtrip = (row: { id: string; message: string; workflowId: string; requestedAt: Date; completedAt: Date | null }) => ({
  ...row,
  requestedAt: row.requestedAt.toISOString(),
  completedAt: row.completedAt?.toISOString() ?? null,
});

export const startRoundtrip = defineRoute({
  method: 'POST',
  path: '/api/v1/diagnostics/roundtrips',
  operationId: 'startRoundtrip',
  summary: 'Start a diagnostic workflow that writes to the database when it completes',
  tags: ['Diagnostics'],
  scope: 'workflows:write',
  body: z.object({ message: z.string().trim().min(1).max(200) }).meta({ id: 'StartRoundtrip' }),
  response: { status: 202, description: 'The workflow was started', schema: Roundtrip },
  errors: { 503: 'Temporal is unreachable; nothing was started' },
  async handle({ body, principal }) {
    const id = randomUUID();
    const workflowId = roundtripWorkflowId(id);
    const client = await temporal().catch((error: Error) => {
      throw new HttpError(503, 'Service Unavailable', `Temporal is unreachable: ${error.message}`);
    });
    const row = await db().roundtrip.create({ data: { id, tenantId: principal.tenantId, message: body.message, workflowId } });
    const input: RoundtripInput = { roundtripId: id, tenantId: principal.tenantId };
    try {
      await client.workflow.start(WORKFLOW_NAMES.roundtrip, { taskQueue: TASK_QUEUE, workflowId, args: [input] });
    } catch (error) {
      await db().roundtrip.delete({ where: { id } });
      logger().warn({ err: error }, 'roundtrip workflow did not start');
      throw new HttpError(503, 'Service Unavailable', `Temporal did not start the workflow: ${(error as Error).message}`);
    }
    return toRoundtrip(row);
  },
});

export const listRoundtrips = defineRoute({
  method: 'GET',
  path: '/api/v1/diagnostics/roundtrips',
  operationId: 'listRoundtrips',
  summary: 'The latest diagnostic roundtrips of the caller’s tenant',
  tags: ['Diagnostics'],
  scope: 'workflows:read',
  query: z.object(pageQuery({ max: 100, default: 20 })),
  response: { status: 200, description: 'Newest first', schema: pageOf(Roundtrip) },
  async handle({ query, principal }) {
    const rows = await db().roundtrip.findMany({
      where: { ...afterKey<Prisma.RoundtripWhereInput>(query.cursor, [['requestedAt', 'date'], ['id', 'string']], 'desc'), tenantId: principal.tenantId },
      orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (row) => [row.requestedAt, row.id]);
    return { items: page.rows.map(toRoundtrip), nextCursor: page.nextCursor };
  },
});
