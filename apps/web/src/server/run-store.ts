import 'server-only';
import { Prisma, RunStatus } from '@cascade/db';
import { RUN_SIGNALS, type ApprovalDecision } from '@cascade/temporal';
import { restartFailedRun } from '@cascade/temporal/restart-run';
import { WorkflowNotFoundError } from '@temporalio/client';
import { HttpError, notFound } from './http/problem';
import { db, temporal } from './services';

/** The run queries and commands behind the runs API and pages: one place, tenant-scoped. */

export const RUN_STATUSES = Object.values(RunStatus);

export interface RunFilter {
  workflowId?: string;
  eventId?: string;
  status?: RunStatus;
}

const runInclude = { workflow: { select: { name: true } }, version: { select: { version: true } } } as const;
export type RunRow = Prisma.RunGetPayload<{ include: typeof runInclude }>;

export function findRuns(tenantId: string, filter: RunFilter, take: number, after: Prisma.RunWhereInput = {}): Promise<RunRow[]> {
  return db().run.findMany({
    where: { ...after, tenantId, ...filter },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take,
    include: runInclude,
  });
}

/** The workflow a runs list is filtered by, when it is one of the tenant's. */
export function findRunsWorkflow(tenantId: string, workflowId: string) {
  return db().workflow.findFirst({ where: { tenantId, id: workflowId }, select: { id: true, name: true } });
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

/** Records a decision on a pending approval task, then hands it to the waiting run. */
export async function decideApproval(tenantId: string, taskId: string, decision: Omit<ApprovalDecision, 'taskId'>) {
  const decided = await db().approvalTask.updateManyAndReturn({
    where: { id: taskId, tenantId, status: 'PENDING' },
    data: {
      status: decision.outcome === 'approved' ? 'APPROVED' : 'REJECTED',
      decision: { data: decision.data, ...(decision.comment ? { comment: decision.comment } : {}) } as Prisma.InputJsonObject,
      decidedBy: decision.decidedBy,
      decidedAt: new Date(),
    },
  });
  const [task] = decided;
  if (!task) {
    const existing = await db().approvalTask.findFirst({ where: { id: taskId, tenantId } });
    if (!existing) throw notFound(`No approval task ${taskId} in this tenant`);
    throw new HttpError(409, 'Conflict', `This task was already decided: ${existing.status}`);
  }
  const signal: ApprovalDecision = { taskId, ...decision };
  try {
    await (await temporal()).workflow.getHandle(task.temporalWorkflowId).signal(RUN_SIGNALS.decideApproval, signal);
  } catch (error) {
    // The run could not be told: put the task back, so nothing is recorded that the run did not get.
    await db().approvalTask.update({ where: { id: taskId }, data: { status: 'PENDING', decision: Prisma.DbNull, decidedBy: null, decidedAt: null } });
    if (error instanceof WorkflowNotFoundError) throw new HttpError(409, 'Conflict', 'The run waiting for this task has ended; the decision was not recorded');
    throw error;
  }
  return task;
}

/** The approvals page: tasks waiting for a decision, oldest first, and the latest decided ones. */
export async function approvalInbox(tenantId: string, { pending = 100, decided = 20 } = {}) {
  const [waiting, done] = await Promise.all([
    db().approvalTask.findMany({ where: { tenantId, status: 'PENDING' }, orderBy: { createdAt: 'asc' }, take: pending }),
    db().approvalTask.findMany({ where: { tenantId, status: { not: 'PENDING' } }, orderBy: { decidedAt: 'desc' }, take: decided }),
  ]);
  return { pending: waiting, decided: done };
}
