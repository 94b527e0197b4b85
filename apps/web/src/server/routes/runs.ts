import 'server-only';
import { StepStatus, type Prisma } from '@cascade/db';
import { z } from 'zod';
import { defineRoute } from '../http/define-route';
import { afterKey, pageOf, pageQuery, toPage } from '../http/pagination';
import { cancelRun, findRun, findRuns, retryRun, RUN_STATUSES, type RunRow } from '../run-store';
import { db } from '../services';
import { ApprovalTask, toTask } from './approvals';

const iso = (date: Date | null) => date?.toISOString() ?? null;

const RunSummary = z
  .object({
    id: z.uuid(),
    workflowId: z.uuid(),
    workflowName: z.string(),
    version: z.number().int(),
    status: z.enum(RUN_STATUSES),
    eventId: z.uuid().nullable(),
    parentRunId: z.uuid().nullable(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    error: z.unknown().nullable().describe('{message, node} of a failed run'),
  })
  .meta({ id: 'RunSummary' });

const Step = z
  .object({
    key: z.string().describe('The node id, prefixed by the forEach iterations it ran in'),
    nodeId: z.string(),
    status: z.enum(StepStatus),
    attempts: z.number().int(),
    input: z.unknown().nullable(),
    output: z.unknown().nullable(),
    error: z.unknown().nullable(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'RunStep' });

/** Steps a run's detail holds; the rest are read from GET /api/v1/runs/{id}/steps. */
const RUN_DETAIL_STEPS = 100;

const RunDetail = RunSummary.extend({
  steps: z.array(Step).describe(`The first ${RUN_DETAIL_STEPS} steps, in the order they started`),
  stepsNextCursor: z
    .string()
    .nullable()
    .describe('When the run has more steps: the `cursor` for GET /api/v1/runs/{id}/steps that reads the rest; null otherwise'),
  waits: z.array(z.object({ nodeKey: z.string(), eventType: z.string(), openedAt: z.iso.datetime(), expiresAt: z.iso.datetime(), closedAt: z.iso.datetime().nullable(), deliveredEventId: z.uuid().nullable() })),
  approvalTasks: z.array(ApprovalTask),
}).meta({ id: 'RunDetail' });

const toSummary = (run: RunRow) => ({
  id: run.id,
  workflowId: run.workflowId,
  workflowName: run.workflow.name,
  version: run.version.version,
  status: run.status,
  eventId: run.eventId,
  parentRunId: run.parentRunId,
  startedAt: run.startedAt.toISOString(),
  finishedAt: iso(run.finishedAt),
  error: run.error,
});

const params = z.object({ id: z.uuid() });

export const listRuns = defineRoute({
  method: 'GET',
  path: '/api/v1/runs',
  operationId: 'listRuns',
  summary: 'Runs of the caller’s tenant, newest first, by workflow, triggering event, correlation id, status or time range',
  tags: ['Runs'],
  scope: 'workflows:read',
  query: z.object({
    workflowId: z.uuid().optional(),
    eventId: z.uuid().optional(),
    status: z.enum(RUN_STATUSES).optional(),
    correlationId: z.string().max(200).optional().describe('Runs started by an event of this correlation id'),
    from: z.iso.datetime({ offset: true }).optional().describe('Started at or after'),
    to: z.iso.datetime({ offset: true }).optional().describe('Started before'),
    order: z.enum(['desc', 'asc']).default('desc').describe('By start time: newest first (desc) or oldest first'),
    ...pageQuery({ max: 500, default: 50 }),
  }),
  etag: 'body',
  response: { status: 200, description: 'Newest first, unless `order=asc`; with an ETag, 304 when `If-None-Match` holds it', schema: pageOf(RunSummary) },
  async handle({ query, principal }) {
    const { limit, cursor, order, ...filter } = query;
    const after = afterKey<Prisma.RunWhereInput>(cursor, [['startedAt', 'date'], ['id', 'string']], order);
    const page = toPage(await findRuns(principal.tenantId, filter, limit + 1, after, order), limit, (run) => [run.startedAt, run.id]);
    return { items: page.rows.map(toSummary), nextCursor: page.nextCursor };
  },
});

export const getRun = defineRoute({
  method: 'GET',
  path: '/api/v1/runs/{id}',
  operationId: 'getRun',
  summary: 'One run with its steps (input, output, error, attempts, timing), waits and approval tasks',
  tags: ['Runs'],
  scope: 'workflows:read',
  params,
  response: { status: 200, description: 'The run', schema: RunDetail },
  errors: { 404: 'No such run in the caller’s tenant' },
  async handle({ params, principal }) {
    const run = await findRun(principal.tenantId, params.id, { steps: false });
    const steps = await stepPage(run.id, RUN_DETAIL_STEPS);
    return {
      ...toSummary(run),
      steps: steps.items,
      stepsNextCursor: steps.nextCursor,
      waits: run.waits.map((wait) => ({
        nodeKey: wait.nodeKey, eventType: wait.eventType, openedAt: wait.openedAt.toISOString(), expiresAt: wait.expiresAt.toISOString(),
        closedAt: iso(wait.closedAt), deliveredEventId: wait.deliveredEventId,
      })),
      approvalTasks: run.approvalTasks.map(toTask),
    };
  },
});

type StepRow = Prisma.RunStepGetPayload<object>;
const toStep = (step: StepRow) => ({
  key: step.key, nodeId: step.nodeId, status: step.status, attempts: step.attempts,
  input: step.input, output: step.output, error: step.error,
  startedAt: step.startedAt.toISOString(), finishedAt: iso(step.finishedAt),
});

/** A page of a run's steps in the order they started: of one node, or of the keys under a prefix (one forEach iteration), when asked. */
export async function stepPage(runId: string, limit: number, cursor?: Array<string | number>, only: { node?: string | undefined; keyPrefix?: string | undefined } = {}) {
  const rows = await db().runStep.findMany({
    where: {
      runId,
      ...(only.node ? { nodeId: only.node } : {}),
      // Prisma's startsWith is a LIKE that leaves `%` and `_` live: escaped, the prefix is taken literally.
      ...(only.keyPrefix ? { key: { startsWith: only.keyPrefix.replace(/[\\%_]/g, (c) => `\\${c}`) } } : {}),
      ...afterKey<Prisma.RunStepWhereInput>(cursor, [['startedAt', 'date'], ['id', 'bigint']], 'asc'),
    },
    orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
    take: limit + 1,
  });
  const page = toPage(rows, limit, (step) => [step.startedAt, step.id]);
  return { items: page.rows.map(toStep), nextCursor: page.nextCursor };
}

export const listRunSteps = defineRoute({
  method: 'GET',
  path: '/api/v1/runs/{id}/steps',
  operationId: 'listRunSteps',
  summary: 'The steps of a run, in the order they started: input, output, error, attempts, timing',
  tags: ['Runs'],
  scope: 'workflows:read',
  params,
  query: z.object({
    node: z.string().min(1).max(200).optional().describe('Only the steps of this node (all its forEach iterations)'),
    keyPrefix: z.string().min(1).max(1000).optional().describe('Only the steps whose key starts so: `lines[2].` is iteration 2 of forEach `lines`'),
    ...pageQuery({ max: 500, default: 100 }),
  }),
  response: { status: 200, description: 'In the order they started', schema: pageOf(Step) },
  errors: { 404: 'No such run in the caller’s tenant' },
  async handle({ params, query, principal }) {
    const run = await findRun(principal.tenantId, params.id, { steps: false });
    return stepPage(run.id, query.limit, query.cursor, { node: query.node, keyPrefix: query.keyPrefix });
  },
});

export const cancelRunRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/runs/{id}/cancel',
  operationId: 'cancelRun',
  summary: 'Cancel a running run; it stops at its next step and is marked CANCELLED',
  tags: ['Runs'],
  scope: 'workflows:write',
  params,
  response: { status: 202, description: 'Cancellation requested', schema: z.object({ id: z.uuid(), status: z.literal('CANCELLING') }) },
  errors: { 404: 'No such run in the caller’s tenant', 409: 'The run is not running' },
  async handle({ params, principal }) {
    await cancelRun(principal.tenantId, params.id);
    return { id: params.id, status: 'CANCELLING' as const };
  },
});

export const retryRunRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/runs/{id}/retry',
  operationId: 'retryRun',
  summary: 'Run a failed run again from the node that failed, on the same pinned version',
  tags: ['Runs'],
  scope: 'workflows:write',
  params,
  response: { status: 202, description: 'The run is running again', schema: z.object({ id: z.uuid(), status: z.literal('RUNNING') }) },
  errors: { 404: 'No such run in the caller’s tenant', 409: 'The run has not failed, or is a sub-workflow run' },
  async handle({ params, principal }) {
    await retryRun(principal.tenantId, params.id);
    return { id: params.id, status: 'RUNNING' as const };
  },
});
