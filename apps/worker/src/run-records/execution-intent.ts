import { sql, type Database } from '@cascade/db';

/** What an earlier attempt of a side effect left under its idempotency key. */
export type PriorExecution =
  /** Nothing: this attempt is the first, and its intent is now recorded. */
  | { state: 'first' }
  /** The effect finished and its output was recorded: answer that instead of acting again. */
  | { state: 'completed'; output: unknown }
  /** An attempt started at `startedAt` and nobody saw its outcome: it may have acted. */
  | { state: 'uncertain'; startedAt: Date };

/**
 * Records the intent to perform a side effect before performing it, and tells what an earlier
 * attempt under the same key left. The row is completed by `writeRecords` with the step, or
 * released by `releaseIntent` when the attempt ended with an answer. An intent still open when a
 * later attempt comes means the worker died (or the step timed out) while the effect was in flight.
 */
export async function recordIntent(db: Database, intent: { idempotencyKey: string; tenantId: string; actionId: string }): Promise<PriorExecution> {
  // The SELECT sees the table as it was when the statement began, so it finds only an earlier attempt's row.
  const rows = await sql<{ output: unknown; completed_at: Date | null; started_at: Date }>(
    db,
    `
    WITH intent AS (
      INSERT INTO action_executions (idempotency_key, tenant_id, action_id)
      VALUES ($1, $2::uuid, $3)
      ON CONFLICT (idempotency_key) DO NOTHING
    )
    SELECT output, completed_at, started_at FROM action_executions WHERE idempotency_key = $1`,
    [intent.idempotencyKey, intent.tenantId, intent.actionId],
  );
  const prior = rows[0];
  if (!prior) return { state: 'first' };
  if (prior.completed_at !== null) return { state: 'completed', output: prior.output };
  return { state: 'uncertain', startedAt: prior.started_at };
}

/**
 * Forgets an intent whose attempt ended with an answer (the action failed and said so), so the
 * retry its policy allows is a fresh attempt rather than an uncertain one.
 */
export async function releaseIntent(db: Database, idempotencyKey: string): Promise<void> {
  await sql(db, `DELETE FROM action_executions WHERE idempotency_key = $1 AND completed_at IS NULL`, [idempotencyKey]);
}
