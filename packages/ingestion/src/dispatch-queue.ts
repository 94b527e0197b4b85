import { DISPATCH_CHANNEL, type Database } from '@cascade/db';
import type { DispatchDecision } from './dispatch-decisions';

/**
 * The dispatch queue: one row per stored event in `dispatches`, PENDING until the worker's
 * dispatcher has routed it (DISPATCHED) or given up on it (DEAD), with `pg_notify` on
 * DISPATCH_CHANNEL to wake the dispatchers. Everything that writes those rows is here.
 */

/**
 * Enqueueing, as part of the statement that inserts events, so an event and its dispatch commit
 * together: `cte` adds a dispatch row for each row of the statement's `inserted` CTE, `wake` is a
 * FROM item that notifies the dispatchers, with the channel as parameter `$channel`.
 */
export function enqueueInsertedEvents(channelParameter: string) {
  return {
    cte: 'dispatched AS (INSERT INTO dispatches (tenant_id, event_id) SELECT tenant_id, id FROM inserted)',
    wake: `(SELECT pg_notify(${channelParameter}, '')) AS wake`,
  };
}

export interface ClaimedDispatch {
  id: bigint;
  tenantId: string;
  eventId: string;
  attempts: number;
}

/**
 * Claims up to `limit` due dispatches for `leaseMs`: their next attempt moves past the lease, so
 * rows held by a dispatcher that dies are picked up again once the lease runs out (at-least-once;
 * run starts are idempotent by workflow id). SKIP LOCKED lets several dispatchers share the table.
 *
 * Tenants are served round-robin, not oldest row first: each tenant's oldest due row, then each
 * one's second, and so on, so a backlog of one tenant's events cannot hold back another's. One
 * statement, cheap however deep the backlog: the tenants with pending rows are found by skipping
 * through the (status, tenant_id, id) index (a recursive CTE, one index probe per tenant), and at
 * most `limit` rows are read per tenant from the same index, ranked by their turn.
 */
export async function claimDispatches(db: Database, limit: number, leaseMs: number): Promise<ClaimedDispatch[]> {
  const rows = await db.$queryRaw<Array<{ id: bigint; tenant_id: string; event_id: string; attempts: number }>>`
    WITH RECURSIVE pending_tenants AS (
      (SELECT tenant_id FROM dispatches WHERE status = 'PENDING' ORDER BY tenant_id LIMIT 1)
      UNION ALL
      SELECT (SELECT p.tenant_id FROM dispatches p
               WHERE p.status = 'PENDING' AND p.tenant_id > t.tenant_id
               ORDER BY p.tenant_id LIMIT 1)
        FROM pending_tenants t
       WHERE t.tenant_id IS NOT NULL
    ), candidates AS (
      SELECT c.id, c.turn
        FROM pending_tenants t
        CROSS JOIN LATERAL (
          SELECT p.id, row_number() OVER (ORDER BY p.id) AS turn
            FROM dispatches p
           WHERE p.status = 'PENDING' AND p.tenant_id = t.tenant_id AND p.next_attempt_at <= now()
           ORDER BY p.id
           LIMIT ${limit}) c
    ), claimable AS (
      -- Locking rechecks the row as committed meanwhile: one another dispatcher just claimed is
      -- no longer due, and one it holds is skipped, so the claim still fills up with the next turn.
      SELECT p.id
        FROM candidates c JOIN dispatches p ON p.id = c.id
       WHERE p.status = 'PENDING' AND p.next_attempt_at <= now()
       ORDER BY c.turn, c.id
       LIMIT ${limit}
         FOR UPDATE OF p SKIP LOCKED
    )
    UPDATE dispatches d
       SET attempts = d.attempts + 1,
           next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000}::double precision)
      FROM claimable
     WHERE d.id = claimable.id
    RETURNING d.id, d.tenant_id, d.event_id, d.attempts`;
  return rows
    .map((row) => ({ id: row.id, tenantId: row.tenant_id, eventId: row.event_id, attempts: row.attempts }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** A dispatch done: a note says what went wrong without stopping it (kept in lastError), decisions what became of each trigger. */
export interface DispatchDone {
  id: bigint;
  note: string | null;
  decisions: DispatchDecision[];
}

/** Marks dispatches done in one statement. */
export async function markDispatched(db: Database, done: ReadonlyArray<DispatchDone>): Promise<void> {
  if (done.length === 0) return;
  await db.$executeRaw`
    UPDATE dispatches d
       SET status = 'DISPATCHED', dispatched_at = now(), last_error = v.note, decisions = v.decisions::jsonb
      FROM unnest(${done.map((row) => row.id)}::bigint[], ${done.map((row) => row.note)}::text[], ${done.map((row) => JSON.stringify(row.decisions))}::text[]) AS v(id, note, decisions)
     WHERE d.id = v.id`;
}

/**
 * Extends the lease of rows still being dispatched, so a short lease (which a killed dispatcher's
 * rows wait out) does not hand a slow batch to another dispatcher while it is in flight.
 */
export async function renewClaims(db: Database, claimed: ReadonlyArray<{ id: bigint }>, leaseMs: number): Promise<void> {
  if (claimed.length === 0) return;
  await db.$executeRaw`
    UPDATE dispatches
       SET next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000}::double precision)
     WHERE id = ANY(${claimed.map((row) => row.id)}::bigint[]) AND status = 'PENDING'`;
}

/**
 * Hands claimed dispatches back without counting the attempt: what failed was not the event but
 * something every event needs (the run engine was unreachable), so they are due again at once.
 */
export async function releaseClaims(db: Database, released: ReadonlyArray<{ id: bigint }>, reason: string): Promise<void> {
  if (released.length === 0) return;
  await db.$executeRaw`
    UPDATE dispatches
       SET attempts = GREATEST(attempts - 1, 0), next_attempt_at = now(), last_error = ${reason}
     WHERE id = ANY(${released.map((row) => row.id)}::bigint[]) AND status = 'PENDING'`;
}

/** Schedules the next attempt with exponential backoff, or dead-letters after `maxAttempts`. */
export async function markFailed(
  db: Database,
  dispatch: ClaimedDispatch,
  error: string,
  policy: { maxAttempts: number; initialBackoffMs: number; maxBackoffMs: number },
): Promise<'retrying' | 'dead'> {
  if (dispatch.attempts >= policy.maxAttempts) {
    await db.dispatch.update({ where: { id: dispatch.id }, data: { status: 'DEAD', lastError: error } });
    return 'dead';
  }
  const backoff = Math.min(policy.initialBackoffMs * 2 ** (dispatch.attempts - 1), policy.maxBackoffMs);
  await db.dispatch.update({
    where: { id: dispatch.id },
    data: { lastError: error, nextAttemptAt: new Date(Date.now() + backoff) },
  });
  return 'retrying';
}

/**
 * Events stored and not yet dispatched, across tenants: the backlog the worker's metrics report.
 * Counted on the (status, next_attempt_at) index, so a scrape stays cheap at a deep backlog.
 */
export function countPendingDispatches(db: Database): Promise<number> {
  return db.dispatch.count({ where: { status: 'PENDING' } });
}

/** Queues a dead-lettered dispatch again with a fresh set of attempts, and wakes the dispatchers. */
export async function replayDispatch(db: Database, dispatchId: bigint): Promise<void> {
  await db.$transaction([
    db.dispatch.update({ where: { id: dispatchId }, data: { status: 'PENDING', attempts: 0, nextAttemptAt: new Date(), lastError: null } }),
    db.$executeRaw`SELECT pg_notify(${DISPATCH_CHANNEL}, '')`,
  ]);
}

/** Which of a tenant's dead letters to replay: by the event's type, correlation, arrival, or the last error. */
export interface DeadLetterFilter {
  type?: string;
  correlationId?: string;
  /** Received at or after. */
  from?: Date;
  /** Received before. */
  to?: Date;
  /** Case-insensitive text of the last dispatch error. */
  errorContains?: string;
}

const deadLettersWhere = (tenantId: string, filter: DeadLetterFilter) => ({
  tenantId,
  status: 'DEAD' as const,
  ...(filter.errorContains ? { lastError: { contains: filter.errorContains, mode: 'insensitive' as const } } : {}),
  ...(filter.type || filter.correlationId || filter.from || filter.to
    ? {
        event: {
          ...(filter.type ? { type: filter.type } : {}),
          ...(filter.correlationId ? { correlationId: filter.correlationId } : {}),
          ...(filter.from || filter.to ? { receivedAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
        },
      }
    : {}),
});

/** How many of a tenant's dead letters match. */
export function countDeadLetters(db: Database, tenantId: string, filter: DeadLetterFilter): Promise<number> {
  return db.dispatch.count({ where: deadLettersWhere(tenantId, filter) });
}

/**
 * Queues up to `limit` of a tenant's matching dead letters again, oldest first, each with a fresh
 * set of attempts, and wakes the dispatchers; `more` says whether matching ones are left for
 * another call. A row replayed meanwhile by someone else is not counted twice.
 */
export async function replayDeadLetters(db: Database, tenantId: string, filter: DeadLetterFilter, limit: number): Promise<{ replayed: number; more: boolean }> {
  const where = deadLettersWhere(tenantId, filter);
  const chosen = await db.dispatch.findMany({ where, select: { id: true }, orderBy: { id: 'asc' }, take: limit + 1 });
  const ids = chosen.slice(0, limit).map((row) => row.id);
  if (ids.length === 0) return { replayed: 0, more: false };
  const [replayed] = await db.$transaction([
    db.dispatch.updateMany({ where: { id: { in: ids }, tenantId, status: 'DEAD' }, data: { status: 'PENDING', attempts: 0, nextAttemptAt: new Date(), lastError: null } }),
    db.$executeRaw`SELECT pg_notify(${DISPATCH_CHANNEL}, '')`,
  ]);
  return { replayed: replayed.count, more: chosen.length > limit };
}

