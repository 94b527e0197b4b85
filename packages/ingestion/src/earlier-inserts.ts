import { sql, type Database } from '@cascade/db';

/**
 * Opens the statement that inserts events (event-writer.ts), so the statements in flight can be
 * told apart from every other query in `pg_stat_activity`.
 */
export const INSERT_EVENTS_MARK = '/* cascade: insert events */';

/**
 * Waits until every event-inserting statement that started before this call has finished; false
 * when some still ran after `timeoutMs`.
 *
 * Retention needs it between committing retired ids and deleting their events. An insert checks
 * retired ids in the snapshot its statement started with, so one that started just before the
 * ids committed does not see them; if the delete then committed before the insert reached the
 * events' unique index, nothing would stop a re-sent id from being stored again. A statement that
 * started later sees the ids, and one that started earlier is waited for here.
 *
 * It reads `pg_stat_activity`, which shows the queries of sessions of the same role (or every
 * session, to a role granted pg_read_all_stats): the web server, the NATS consumer and retention
 * connect as one role.
 */
export async function waitForEarlierEventInserts(db: Database, { timeoutMs = 30_000, pollMs = 10 } = {}): Promise<boolean> {
  // As text: a Date would drop the microseconds, and with them inserts begun in the last millisecond.
  const [{ now }] = (await sql<{ now: string }>(db, 'SELECT clock_timestamp()::text AS now', [])) as [{ now: string }];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ running }] = (await sql<{ running: number }>(
      db,
      `SELECT count(*)::int AS running FROM pg_stat_activity
        WHERE state = 'active' AND pid <> pg_backend_pid() AND query_start < $1::timestamptz AND starts_with(query, $2)`,
      [now, INSERT_EVENTS_MARK],
    )) as [{ running: number }];
    if (running === 0) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
