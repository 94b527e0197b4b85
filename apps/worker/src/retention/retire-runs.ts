import { sql } from '@cascade/db';
import { archiveFiles, utcDay } from './archive-file';
import type { RetentionContext } from './retention-context';

/**
 * What lets a run `r` go ($1 tenant, $2 days): it finished before its tenant's window, and no
 * running parent (a subWorkflow's caller) may still show it.
 */
const RETIRABLE = `
  r.tenant_id = $1 AND r.status <> 'RUNNING' AND r.finished_at < now() - make_interval(days => $2)
  AND NOT EXISTS (SELECT 1 FROM runs p WHERE p.id = r.parent_run_id AND p.status = 'RUNNING')`;

/** Rows of a run's history, in the order they happened. */
const history = (table: string, order: string) =>
  `(SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY ${order}), '[]'::jsonb) FROM ${table} x WHERE x.run_id = r.id)`;

/**
 * Archives, then deletes, one batch of a tenant's runs that finished more than `days` ago, each
 * with its steps, waits and approval tasks (which the delete takes with it). The archive is
 * stored before the delete starts, and the delete checks again, so a crash between the two
 * leaves a run in both places, never in neither.
 */
export async function retireRuns(context: RetentionContext, tenantId: string, days: number): Promise<{ deleted: number; full: boolean }> {
  const { db, archive, runBatchSize } = context;
  const rows = await sql<{ id: string; finished_at: Date; run: unknown; steps: unknown; waits: unknown; approval_tasks: unknown }>(
    db,
    `SELECT r.id::text, r.finished_at, to_jsonb(r) AS run,
            ${history('run_steps', 'x.started_at, x.id')} AS steps,
            ${history('waits', 'x.opened_at, x.id')} AS waits,
            ${history('approval_tasks', 'x.created_at, x.id')} AS approval_tasks
       FROM runs r
      WHERE ${RETIRABLE}
      ORDER BY r.finished_at, r.id
      LIMIT $3`,
    [tenantId, days, runBatchSize],
  );
  if (!rows.length) return { deleted: 0, full: false };

  const files = archiveFiles(
    tenantId,
    'runs',
    rows.map((row) => ({
      id: row.id,
      day: utcDay(row.finished_at),
      line: { kind: 'run', run: row.run, steps: row.steps, waits: row.waits, approvalTasks: row.approval_tasks },
    })),
  );
  for (const file of files) await archive.put(file.key, file.body);

  const deleted = await sql(db, `DELETE FROM runs r WHERE r.id = ANY($3::uuid[]) AND ${RETIRABLE} RETURNING r.id`, [
    tenantId,
    days,
    rows.map((row) => row.id),
  ]);
  return { deleted: deleted.length, full: rows.length === runBatchSize };
}
