import 'server-only';
import { db } from './services';

/**
 * The tenant's overview: events received and runs started, completed and failed per time bucket,
 * the dispatch backlog, the slowest and most failing workflows, open approvals and recent
 * failures. Every query is bounded by time or by a limit and reads an index led by the tenant
 * (events, runs by started_at and by finished_at, dispatches by status), so the cost follows the
 * window's rows, not the size of the tenant's history.
 */

export interface Bucket {
  /** Start of the bucket, ISO. */
  at: string;
  events: number;
  started: number;
  completed: number;
  failed: number;
}

/** A figure summed over buckets: the hour's events, the day's failures. */
export const sumOf = (buckets: readonly Bucket[], field: keyof Omit<Bucket, 'at'>) => buckets.reduce((total, bucket) => total + bucket[field], 0);

export interface Series {
  stepSeconds: number;
  buckets: Bucket[];
}

/** Counts above this are shown as "10,000+": a backlog's exact size past it changes no decision. */
export const COUNT_CAP = 10_000;

const HOUR = { stepSeconds: 60, buckets: 60 };
const DAY = { stepSeconds: 15 * 60, buckets: 96 };

interface Window {
  from: Date;
  to: Date;
  stepSeconds: number;
}

/** The window of `count` whole buckets that ends with the bucket holding `now`. */
function windowEndingAt(now: Date, grain: { stepSeconds: number; buckets: number }): Window {
  const step = grain.stepSeconds * 1000;
  const to = new Date(Math.floor(now.getTime() / step) * step + step);
  return { from: new Date(to.getTime() - grain.buckets * step), to, stepSeconds: grain.stepSeconds };
}

type Counted = { bucket: Date; n: number };

async function series(tenantId: string, window: Window): Promise<Series> {
  const { from, to, stepSeconds } = window;
  const [events, started, finished] = await Promise.all([
    db().$queryRaw<Counted[]>`
      SELECT date_bin(make_interval(secs => ${stepSeconds}), received_at, ${from}::timestamptz) AS bucket, count(*)::int AS n
      FROM events WHERE tenant_id = ${tenantId}::uuid AND received_at >= ${from} AND received_at < ${to}
      GROUP BY 1`,
    db().$queryRaw<Counted[]>`
      SELECT date_bin(make_interval(secs => ${stepSeconds}), started_at, ${from}::timestamptz) AS bucket, count(*)::int AS n
      FROM runs WHERE tenant_id = ${tenantId}::uuid AND started_at >= ${from} AND started_at < ${to}
      GROUP BY 1`,
    db().$queryRaw<Array<{ bucket: Date; completed: number; failed: number }>>`
      SELECT date_bin(make_interval(secs => ${stepSeconds}), finished_at, ${from}::timestamptz) AS bucket,
             (count(*) FILTER (WHERE status = 'COMPLETED'))::int AS completed,
             (count(*) FILTER (WHERE status = 'FAILED'))::int AS failed
      FROM runs WHERE tenant_id = ${tenantId}::uuid AND finished_at >= ${from} AND finished_at < ${to}
      GROUP BY 1`,
  ]);
  const step = stepSeconds * 1000;
  const buckets: Bucket[] = [];
  for (let at = from.getTime(); at < to.getTime(); at += step) {
    buckets.push({ at: new Date(at).toISOString(), events: 0, started: 0, completed: 0, failed: 0 });
  }
  const slot = (bucket: Date) => buckets[Math.round((bucket.getTime() - from.getTime()) / step)];
  for (const row of events) slot(row.bucket)!.events = row.n;
  for (const row of started) slot(row.bucket)!.started = row.n;
  for (const row of finished) Object.assign(slot(row.bucket)!, { completed: row.completed, failed: row.failed });
  return { stepSeconds, buckets };
}

/** Dispatches waiting to be dispatched and dead letters, each counted up to COUNT_CAP + 1. */
async function backlog(tenantId: string) {
  const [row] = await db().$queryRaw<Array<{ pending: number; dead: number }>>`
    SELECT (SELECT count(*) FROM (SELECT 1 FROM dispatches WHERE status = 'PENDING' AND tenant_id = ${tenantId}::uuid LIMIT ${COUNT_CAP + 1}) p)::int AS pending,
           (SELECT count(*) FROM (SELECT 1 FROM dispatches WHERE status = 'DEAD' AND tenant_id = ${tenantId}::uuid LIMIT ${COUNT_CAP + 1}) d)::int AS dead`;
  return { pending: row?.pending ?? 0, dead: row?.dead ?? 0 };
}

export interface WorkflowFigure {
  workflowId: string;
  name: string;
  runs: number;
  failed: number;
  /** Median and 95th percentile of completed runs' durations, in milliseconds. */
  p50Ms: number | null;
  p95Ms: number | null;
}

/** Per workflow, the runs that finished in the window: how many failed and how long completed ones took. */
function workflowFigures(tenantId: string, window: Window) {
  return db().$queryRaw<WorkflowFigure[]>`
    SELECT r.workflow_id AS "workflowId", w.name, count(*)::int AS runs,
           (count(*) FILTER (WHERE r.status = 'FAILED'))::int AS failed,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.finished_at - r.started_at) * 1000) FILTER (WHERE r.status = 'COMPLETED'))::float AS "p50Ms",
           (percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM r.finished_at - r.started_at) * 1000) FILTER (WHERE r.status = 'COMPLETED'))::float AS "p95Ms"
    FROM runs r JOIN workflows w ON w.id = r.workflow_id
    WHERE r.tenant_id = ${tenantId}::uuid AND r.finished_at >= ${window.from} AND r.finished_at < ${window.to}
    GROUP BY r.workflow_id, w.name`;
}

const TOP = 5;

async function openApprovals(tenantId: string) {
  const [count, oldest] = await Promise.all([
    db().$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM approval_tasks WHERE tenant_id = ${tenantId}::uuid AND status = 'PENDING' LIMIT ${COUNT_CAP + 1}) t`,
    db().approvalTask.findMany({
      where: { tenantId, status: 'PENDING' },
      orderBy: { createdAt: 'asc' },
      take: TOP,
      select: { id: true, runId: true, title: true, dueAt: true, createdAt: true },
    }),
  ]);
  return { count: count[0]?.n ?? 0, oldest };
}

function recentFailures(tenantId: string, window: Window) {
  return db().run.findMany({
    where: { tenantId, status: 'FAILED', finishedAt: { gte: window.from, lt: window.to } },
    orderBy: { finishedAt: 'desc' },
    take: 10,
    select: { id: true, workflowId: true, finishedAt: true, error: true, eventId: true, workflow: { select: { name: true } } },
  });
}

/** Everything the home page and GET /api/v1/overview show, as of `now`. */
export async function tenantOverview(tenantId: string, now = new Date()) {
  const hour = windowEndingAt(now, HOUR);
  const day = windowEndingAt(now, DAY);
  const [lastHour, lastDay, dispatch, figures, approvals, failures] = await Promise.all([
    series(tenantId, hour),
    series(tenantId, day),
    backlog(tenantId),
    workflowFigures(tenantId, day),
    openApprovals(tenantId),
    recentFailures(tenantId, day),
  ]);
  return {
    generatedAt: now.toISOString(),
    lastHour,
    lastDay,
    backlog: dispatch,
    slowestWorkflows: figures.filter((f) => f.p95Ms !== null).sort((a, b) => b.p95Ms! - a.p95Ms!).slice(0, TOP),
    mostFailingWorkflows: figures.filter((f) => f.failed > 0).sort((a, b) => b.failed - a.failed || b.failed / b.runs - a.failed / a.runs).slice(0, TOP),
    openApprovals: approvals,
    recentFailures: failures.map((run) => ({
      runId: run.id,
      workflowId: run.workflowId,
      workflowName: run.workflow.name,
      finishedAt: run.finishedAt!.toISOString(),
      eventId: run.eventId,
      message: failureMessage(run.error),
    })),
  };
}

export type TenantOverview = Awaited<ReturnType<typeof tenantOverview>>;

/** A failed run's error is `{message, node}`; anything else is shown as nothing rather than as JSON. */
function failureMessage(error: unknown): string | null {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message.slice(0, 300) : null;
}
