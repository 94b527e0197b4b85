import 'server-only';
import { ApprovalStatus, type Prisma } from '@cascade/db';
import type { ApprovalFormField } from '@cascade/workflow';
import { z } from 'zod';
import { approvalRefusal } from '../approval-access';
import { defineRoute } from '../http/define-route';
import { afterKey, pageOf, pageQuery, toPage } from '../http/pagination';
import { forbidden, issuesToDetails, notFound, unprocessable } from '../http/problem';
import { decideApproval, type findRun } from '../run-store';
import { db } from '../services';

/** Approval tasks: listed, and decided by their assignees. A run's detail shows its own (see runs.ts). */

const iso = (date: Date | null) => date?.toISOString() ?? null;
const params = z.object({ id: z.uuid() });

export const ApprovalTask = z
  .object({
    id: z.uuid(),
    runId: z.uuid(),
    nodeKey: z.string(),
    title: z.string(),
    assignees: z.array(z.string()),
    formFields: z.array(z.unknown()),
    status: z.enum(ApprovalStatus),
    dueAt: z.iso.datetime(),
    escalatedAt: z.iso.datetime().nullable(),
    decision: z.unknown().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApprovalTask' });

type TaskRow = Awaited<ReturnType<typeof findRun>>['approvalTasks'][number];
export const toTask = (task: TaskRow) => ({
  id: task.id,
  runId: task.runId,
  nodeKey: task.nodeKey,
  title: task.title,
  assignees: task.assignees as string[],
  formFields: task.formFields as unknown[],
  status: task.status,
  dueAt: task.dueAt.toISOString(),
  escalatedAt: iso(task.escalatedAt),
  decision: task.decision,
  decidedBy: task.decidedBy,
  decidedAt: iso(task.decidedAt),
});

export const listApprovals = defineRoute({
  method: 'GET',
  path: '/api/v1/approvals',
  operationId: 'listApprovals',
  summary: 'Approval tasks of the caller’s tenant, newest first',
  tags: ['Approvals'],
  scope: 'workflows:read',
  query: z.object({
    status: z.enum(ApprovalStatus).optional(),
    ...pageQuery({ max: 500, default: 50 }),
  }),
  response: { status: 200, description: 'Newest first', schema: pageOf(ApprovalTask) },
  async handle({ query, principal }) {
    const rows = await db().approvalTask.findMany({
      where: {
        ...afterKey<Prisma.ApprovalTaskWhereInput>(query.cursor, [['createdAt', 'date'], ['id', 'string']], 'desc'),
        tenantId: principal.tenantId,
        ...(query.status ? { status: query.status } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (task) => [task.createdAt, task.id]);
    return { items: page.rows.map(toTask), nextCursor: page.nextCursor };
  },
});

const fieldValue: Record<ApprovalFormField['type'], (field: ApprovalFormField) => z.ZodType> = {
  text: () => z.string(),
  number: () => z.number(),
  boolean: () => z.boolean(),
  date: () => z.iso.date(),
  select: (field) => z.enum(field.options as [string, ...string[]]),
};

/** The decision's data must fill the task's form: required fields present, each of its type. */
export function formSchema(fields: ApprovalFormField[]) {
  return z.strictObject(
    Object.fromEntries(fields.map((field) => [field.name, field.required ? fieldValue[field.type](field) : fieldValue[field.type](field).optional()])),
  );
}

export const decideApprovalRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/approvals/{id}/decision',
  operationId: 'decideApproval',
  summary: 'Approve or reject a pending task, filling its form; the waiting run continues by the outcome',
  tags: ['Approvals'],
  // Users of every role hold it, and are then admitted only as an assignee or admin; a key needs it granted.
  scope: 'approvals:decide',
  params,
  body: z
    .object({
      outcome: z.enum(['approved', 'rejected']),
      data: z.record(z.string(), z.unknown()).default({}),
      comment: z.string().max(2000).optional(),
    })
    .meta({ id: 'ApprovalDecision' }),
  response: { status: 200, description: 'The decided task', schema: ApprovalTask },
  errors: {
    400: 'The decision holds text PostgreSQL cannot store (U+0000, lone surrogates); `errors` gives each JSON path',
    403: 'A user who is neither an assignee of the task nor an admin, or an API key without `approvals:decide`',
    404: 'No such task in the caller’s tenant',
    409: 'The task was already decided or timed out',
    422: 'The form data does not fit the task’s fields',
  },
  async handle({ params, body, principal, audit }) {
    const task = await db().approvalTask.findFirst({ where: { id: params.id, tenantId: principal.tenantId } });
    if (!task) throw notFound(`No approval task ${params.id} in this tenant`);
    const decider = principal.user ? { kind: 'user' as const, id: principal.id, ...principal.user } : { kind: 'apiKey' as const, id: principal.id };
    const refusal = approvalRefusal(task.assignees as string[], decider);
    if (refusal) throw forbidden(refusal);
    if (body.outcome === 'approved') {
      const form = formSchema(task.formFields as unknown as ApprovalFormField[]).safeParse(body.data);
      if (!form.success) throw unprocessable('The form data does not fit the task’s fields', issuesToDetails(form.error.issues, '/body/data'));
    }
    const decided = await decideApproval(principal.tenantId, params.id, {
      outcome: body.outcome,
      data: body.data,
      decidedBy: principal.id,
      ...(body.comment ? { comment: body.comment } : {}),
    }, audit);
    return toTask(decided);
  },
});
