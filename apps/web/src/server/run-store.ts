import 'server-only';
import { appendAuditEntry, Prisma, RunStatus, type ApprovalStatus } from '@cascade/db';
import { RUN_SIGNALS, type ApprovalDecision } from '@cascade/temporal';
import { restartFailedRun } from '@cascade/temporal/restart-run';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { AuditInTransaction } from './audit/route-audit';
import { HttpError, notFound } from './http/problem';
import { db, temporal } from './services';

/** The run queries and commands behind the runs API and pages: one place, tenant-scoped. */

export const RUN_STATUSES = Object.values(RunStatus);

export interface RunFilter {
  /** One run by its id: the list's search box. */
  id?: string;
  workflowId?: string;
  eventId?: string;
  status?: RunStatus;
  /** Runs started by an event of this correlation id. */
  correlationId?: string;
  /** Started at or after / before, ISO timestamps. */
  from?: string;
  to?: string;
}

/** Newest first, or oldest first. */
export type ListOrder = 'desc' | 'asc';

/** Events of one correlation a runs filter looks at: a correlation is a conversation, not a table. */
const CORRELATION_EVENTS = 1000;

const runInclude = { workflow: { select: { name: true } }, version: { select: { version: true } } } as const;
export type RunRow = Prisma.RunGetPayload<{ include: typeof runInclude }>;

async function runWhere(tenantId: string, filter: RunFilter): Promise<Prisma.RunWhereInput> {
  const { correlationId, from, to, ...exact } = filter;
  const correlated = correlationId
    ? await db().event.findMany({ where: { tenantId, correlationId }, select: { id: true }, orderBy: { receivedAt: 'desc' }, take: CORRELATION_EVENTS })
    : undefined;
  return {
    tenantId,
    AND: [
      exact,
      correlated ? { eventId: { in: correlated.map((event) => event.id) } } : {},
      from || to ? { startedAt: { ...(from ? { gte: new Date(from) } : {}), ...(to ? { lt: new Date(to) } : {}) } } : {},
    ],
  };
}

/** A tenant's runs by filter, newest (or oldest) first; `after` is the cursor's condition (afterKey). */
export async function findRuns(tenantId: string, filter: RunFilter, take: number, after: Prisma.RunWhereInput = {}, order: ListOrder = 'desc'): Promise<RunRow[]> {
  return db().run.findMany({
    where: { AND: [after, await runWhere(tenantId, filter)] },
    orderBy: [{ startedAt: order }, { id: order }],
    take,
    include: runInclude,
  });
}

/** The tenant's workflows by name, for the runs list's workflow filter. */
export function workflowChoices(tenantId: string) {
  return db().workflow.findMany({ where: { tenantId }, select: { id: true, name: true }, orderBy: { name: 'asc' }, take: 500 });
}

export interface VersionRunCounts {
  running: number;
  completed: number;
  failed: number;
  cancelled: number;
}

/**
 * How many runs each version has, by status: what a publish leaves in flight on older versions
 * (they keep their version) and how each version fared. Read from the (version, status) index.
 */
export async function runCountsOfVersions(versionIds: readonly string[]): Promise<Map<string, VersionRunCounts>> {
  const counts = new Map(versionIds.map((id) => [id, { running: 0, completed: 0, failed: 0, cancelled: 0 }]));
  if (versionIds.length === 0) return counts;
  const groups = await db().run.groupBy({ by: ['versionId', 'status'], where: { versionId: { in: [...versionIds] } }, _count: { _all: true } });
  for (const group of groups) {
    const key = group.status.toLowerCase() as keyof VersionRunCounts;
    counts.get(group.versionId)![key] = group._count._all;
  }
  return counts;
}

/** A run with its waits and approval tasks, and all its steps unless `steps: false` (the API pages them). */
export async function findRun(tenantId: string, id: string, options: { steps: boolean } = { steps: true }) {
  const run = await db().run.findFirst({
    where: { tenantId, id },
    include: {
      ...runInclude,
      steps: options.steps ? { orderBy: [{ startedAt: 'asc' }, { id: 'asc' }] } : { take: 0 },
      waits: { orderBy: { openedAt: 'asc' } },
      approvalTasks: { orderBy: { createdAt: 'asc' } },
    },
  });
  if (!run) throw notFound(`No run ${id} in this tenant`);
  return run;
}

/** Asks Temporal to cancel a running run; the interpreter marks it CANCELLED as it stops. */
export async function cancelRun(tenantId: string, id: string): Promise<void> {
  const run = await findRun(tenantId, id);
  if (run.status !== 'RUNNING') throw new HttpError(409, 'Conflict', `Only running runs can be cancelled; this one is ${run.status}`);
  await (await temporal()).workflow.getHandle(run.temporalWorkflowId).cancel();
}

/** Starts a failed run again at the node that failed (see restartFailedRun). */
export async function retryRun(tenantId: string, id: string): Promise<void> {
  const run = await findRun(tenantId, id);
  if (run.status !== 'FAILED') throw new HttpError(409, 'Conflict', `Only failed runs can be retried; this one is ${run.status}`);
  if (run.parentRunId) throw new HttpError(409, 'Conflict', 'This run is a sub-workflow; retry the run that started it');
  const { eventId } = run;
  if (!eventId) throw new HttpError(409, 'Conflict', 'This run has no triggering event to start again from');
  await restartFailedRun(db(), await temporal(), { ...run, eventId });
}

/**
 * Records a decision on a pending approval task with its audit entry, in one transaction, then
 * hands it to the waiting run. A run that cannot be told gets the task back as it was, and the
 * trail a second entry saying the decision was withdrawn, so it never shows a decision the run
 * did not get without saying so.
 */
export async function decideApproval(tenantId: string, taskId: string, decision: Omit<ApprovalDecision, 'taskId'>, audit: AuditInTransaction) {
  const task = await db().$transaction(async (tx) => {
    const [decided] = await tx.approvalTask.updateManyAndReturn({
      where: { id: taskId, tenantId, status: 'PENDING' },
      data: {
        status: decision.outcome === 'approved' ? 'APPROVED' : 'REJECTED',
        decision: { data: decision.data, ...(decision.comment ? { comment: decision.comment } : {}) } as Prisma.InputJsonObject,
        decidedBy: decision.decidedBy,
        decidedAt: new Date(),
      },
    });
    if (decided) await audit(tx);
    return decided;
  });
  if (!task) {
    const existing = await db().approvalTask.findFirst({ where: { id: taskId, tenantId } });
    if (!existing) throw notFound(`No approval task ${taskId} in this tenant`);
    throw new HttpError(409, 'Conflict', `This task was already decided: ${existing.status}`);
  }
  const signal: ApprovalDecision = { taskId, ...decision };
  try {
    await (await temporal()).workflow.getHandle(task.temporalWorkflowId).signal(RUN_SIGNALS.decideApproval, signal);
  } catch (error) {
    const ended = error instanceof WorkflowNotFoundError;
    await withdrawDecision(task, ended ? 'the run waiting for this task has ended' : 'the run could not be reached');
    if (ended) throw new HttpError(409, 'Conflict', 'The run waiting for this task has ended; the decision was not recorded');
    throw error;
  }
  return task;
}

/**
 * Puts a task back to pending after its decision could not reach the run, and says so in the
 * trail: only the decision made here, so one taken since (by the run timing the task out, or
 * another decider) stays as it is.
 */
async function withdrawDecision(decided: { id: string; tenantId: string; status: ApprovalStatus; decidedBy: string | null }, reason: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.approvalTask.updateMany({
      where: { id: decided.id, status: decided.status, decidedBy: decided.decidedBy },
      data: { status: 'PENDING', decision: Prisma.DbNull, decidedBy: null, decidedAt: null },
    });
    if (count === 0) return;
    await appendAuditEntry(tx, {
      tenantId: decided.tenantId,
      actor: { type: 'system', id: null },
      action: 'approvalDecisionWithdrawn',
      target: `/api/v1/approvals/${decided.id}/decision`,
      summary: { reason },
    });
  });
}

/** The approvals page: tasks waiting for a decision, oldest first, and the latest decided ones. */
export async function approvalInbox(tenantId: string, { pending = 100, decided = 20 } = {}) {
  const [waiting, done] = await Promise.all([
    db().approvalTask.findMany({ where: { tenantId, status: 'PENDING' }, orderBy: { createdAt: 'asc' }, take: pending }),
    db().approvalTask.findMany({ where: { tenantId, status: { not: 'PENDING' } }, orderBy: { decidedAt: 'desc' }, take: decided }),
  ]);
  return { pending: waiting, decided: done };
}
