import type { Database } from '@cascade/db';
import type { Client } from '@temporalio/client';
import { percentiles, sleep, type Percentiles } from '../runs/stats';

/** What the database says of one phase's events, each with its run and the event the run emitted. */
export interface PhaseLatency {
  events: number;
  completedRuns: number;
  followUps: number;
  /** Event received (its commit's `now()`) → the run's start on the workflow's clock: when a worker first took it up. */
  started: Percentiles;
  /** Event received → its dispatch row marked dispatched (after the run's start returned). */
  dispatched: Percentiles;
  /** Event received → the follow-up event the run emitted, committed. */
  followUp: Percentiles;
  /** When the last follow-up event was committed. */
  lastFollowUpAt: Date | undefined;
}

export async function phaseLatency(db: Database, tenantId: string, source: string): Promise<PhaseLatency> {
  // Follow-up events are found by causation among the tenant's latest: there is no index on it.
  const rows = await db.$queryRaw<
    Array<{ started_ms: number | null; dispatched_ms: number | null; follow_ms: number | null; completed: boolean; followed_at: Date | null }>
  >`
    SELECT extract(epoch FROM r.started_at - e.received_at) * 1000 AS started_ms,
           extract(epoch FROM d.dispatched_at - e.received_at) * 1000 AS dispatched_ms,
           extract(epoch FROM f.received_at - e.received_at) * 1000 AS follow_ms,
           r.status = 'COMPLETED' AS completed, f.received_at AS followed_at
      FROM events e
      LEFT JOIN dispatches d ON d.tenant_id = e.tenant_id AND d.event_id = e.id
      LEFT JOIN runs r ON r.tenant_id = e.tenant_id AND r.event_id = e.id
      LEFT JOIN events f ON f.tenant_id = e.tenant_id AND f.causation_id = e.id::text AND f.received_at >= e.received_at
     WHERE e.tenant_id = ${tenantId}::uuid AND e.source = ${source}`;
  const numbers = (values: Array<number | null>) => values.filter((value): value is number => value !== null).map(Number);
  const followedAt = rows.flatMap((row) => (row.followed_at ? [row.followed_at.getTime()] : []));
  return {
    events: rows.length,
    completedRuns: rows.filter((row) => row.completed).length,
    followUps: followedAt.length,
    started: percentiles(numbers(rows.map((row) => row.started_ms))),
    dispatched: percentiles(numbers(rows.map((row) => row.dispatched_ms))),
    followUp: percentiles(numbers(rows.map((row) => row.follow_ms))),
    lastFollowUpAt: followedAt.length ? new Date(Math.max(...followedAt)) : undefined,
  };
}

/** Of `eventIds`, those whose run has completed. */
export async function completedRunsOf(db: Database, tenantId: string, eventIds: string[]): Promise<Set<string>> {
  const rows = await db.$queryRaw<Array<{ event_id: string }>>`
    SELECT event_id::text FROM runs WHERE tenant_id = ${tenantId}::uuid AND event_id = ANY(${eventIds}::uuid[]) AND status = 'COMPLETED'`;
  return new Set(rows.map((row) => row.event_id));
}

/** Runs of the tenant finished in [from, to). */
export async function runsFinishedBetween(db: Database, tenantId: string, from: Date, to: Date): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: bigint }>>`
    SELECT count(*) AS n FROM runs WHERE tenant_id = ${tenantId}::uuid AND finished_at >= ${from} AND finished_at < ${to}`;
  return Number(row?.n ?? 0);
}

export interface Sample {
  at: number;
  /** Dispatch rows not dispatched yet. */
  pending: number;
  /** Runs open in Temporal (started, not closed), from its visibility store. */
  open: number;
  /** Runs completed since the previous sample, `spanMs` before. */
  completed: number;
  spanMs: number;
}

/**
 * Samples the backlog every `everyMs` until stopped: dispatch rows pending, runs open in Temporal,
 * and runs completed, so a phase can say how far behind the stack fell and how it caught up.
 */
export function sampleBacklog(db: Database, temporal: Client, tenantId: string, everyMs: number) {
  const samples: Sample[] = [];
  let sampling = true;
  const loop = (async () => {
    let since = new Date();
    while (sampling) {
      const now = new Date();
      const [pending, open, completed] = await Promise.all([
        db.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM dispatches WHERE status = 'PENDING'`.then(([row]) => Number(row?.n ?? 0)),
        temporal.workflow.count('ExecutionStatus = "Running"').then((count) => count.count).catch(() => NaN),
        runsFinishedBetween(db, tenantId, since, now),
      ]);
      samples.push({ at: now.getTime(), pending, open, completed, spanMs: now.getTime() - since.getTime() });
      since = now;
      await sleep(everyMs);
    }
  })();
  return {
    samples,
    async stop(): Promise<Sample[]> {
      sampling = false;
      await loop;
      return samples;
    },
  };
}

/** Waits until every event of the phase has a completed run; throws after `timeoutMs`. */
export async function drained(db: Database, tenantId: string, source: string, expected: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM runs r JOIN events e ON e.tenant_id = r.tenant_id AND e.id = r.event_id
       WHERE r.tenant_id = ${tenantId}::uuid AND r.status = 'COMPLETED' AND e.source = ${source}`;
    const completed = Number(row?.n ?? 0);
    if (completed >= expected) return;
    if (Date.now() > deadline) throw new Error(`${source}: only ${completed} of ${expected} runs completed ${timeoutMs / 1000} s after the load`);
    await sleep(1_000);
  }
}
