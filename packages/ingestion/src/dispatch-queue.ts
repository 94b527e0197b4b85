import { DISPATCH_CHANNEL, type Database } from '@cascade/db';

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

/** Marks dispatches done in one statement; a note says what went wrong without stopping one (kept in lastError). */
export async function markDispatched(db: Database, done: ReadonlyArray<{ id: bigint; note: string | null }>): Promise<void> {
  if (done.length === 0) return;
  await db.$executeRaw`
    UPDATE dispatches d
       SET status = 'DISPATCHED', dispatched_at = now(), last_error = v.note
      FROM unnest(${done.map((row) => row.id)}::bigint[], ${done.map((row) => row.note)}::text[]) AS v(id, note)
     WHERE d.id = v.id`;
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

/** Queues a dead-lettered dispatch again with a fresh set of attempts, and wakes the dispatchers. */
export async function replayDispatch(db: Database, dispatchId: bigint): Promise<void> {
  await db.$transaction([
    db.dispatch.update({ where: { id: dispatchId }, data: { status: 'PENDING', attempts: 0, nextAttemptAt: new Date(), lastError: null } }),
    db.$executeRaw`SELECT pg_notify(${DISPATCH_CHANNEL}, '')`,
  ]);
}
