import { sql } from '@cascade/db';
import { waitForEarlierEventInserts } from '@cascade/ingestion';
import { archiveFiles, utcDay } from './archive-file';
import type { RetentionContext } from './retention-context';

/**
 * What keeps an event `e` past its tenant's window ($1 tenant, $2 days, $3 the wait buffer in
 * seconds): its dispatch is not done (pending, or dead-lettered and not replayed), it started a
 * run that is running or failed (a retry starts again from it), a running run took it at a wait,
 * or an open wait of its type may still look it up.
 */
const RETIRABLE = `
  e.tenant_id = $1 AND e.received_at < now() - make_interval(days => $2)
  AND NOT EXISTS (SELECT 1 FROM dispatches d WHERE d.tenant_id = e.tenant_id AND d.event_id = e.id AND d.status <> 'DISPATCHED')
  AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.tenant_id = e.tenant_id AND r.event_id = e.id AND r.status IN ('RUNNING', 'FAILED'))
  AND NOT EXISTS (SELECT 1 FROM waits w JOIN runs r ON r.id = w.run_id
                   WHERE w.tenant_id = e.tenant_id AND w.delivered_event_id = e.id AND r.status = 'RUNNING')
  AND NOT EXISTS (SELECT 1 FROM waits w WHERE w.tenant_id = e.tenant_id AND w.event_type = e.type AND w.closed_at IS NULL
                   AND e.received_at >= w.opened_at - make_interval(secs => $3))`;

/**
 * Archives, then deletes, one batch of a tenant's events older than `days` that nothing open
 * needs. In this order, each committed before the next starts: the archive files, the retired
 * ids (so a re-sent id is a duplicate whatever happens next), the delete, which checks again
 * that nothing came to need an event meanwhile. A crash anywhere leaves an event archived and
 * still stored, never in neither. Returns how many were deleted and whether the batch was full.
 */
export async function retireEvents(context: RetentionContext, tenantId: string, days: number): Promise<{ deleted: number; full: boolean }> {
  const { db, archive, batchSize, eventBufferSeconds } = context;
  const rows = await sql<{ id: string; received_at: Date; event: Record<string, unknown>; dispatch: Record<string, unknown> | null }>(
    db,
    `SELECT e.id::text, e.received_at, to_jsonb(e) AS event,
            (SELECT to_jsonb(d) - 'tenant_id' - 'event_id' FROM dispatches d WHERE d.tenant_id = e.tenant_id AND d.event_id = e.id) AS dispatch
       FROM events e
      WHERE ${RETIRABLE}
      ORDER BY e.received_at, e.id
      LIMIT $4`,
    [tenantId, days, eventBufferSeconds, batchSize],
  );
  if (!rows.length) return { deleted: 0, full: false };

  const files = archiveFiles(
    tenantId,
    'events',
    rows.map((row) => ({ id: row.id, day: utcDay(row.received_at), line: { kind: 'event', event: row.event, dispatch: row.dispatch } })),
  );
  for (const file of files) await archive.put(file.key, file.body);

  const ids = rows.map((row) => row.id);
  await sql(
    db,
    `INSERT INTO retired_event_ids (tenant_id, id, received_on)
     SELECT $1, e.id, (e.received_at AT TIME ZONE 'UTC')::date FROM events e WHERE e.tenant_id = $1 AND e.id = ANY($2::uuid[])
     ON CONFLICT DO NOTHING`,
    [tenantId, ids],
  );
  // An insert that started before the ids committed checked them in its older snapshot.
  if (!(await waitForEarlierEventInserts(db))) return { deleted: 0, full: false };
  const deleted = await sql(db, `DELETE FROM events e WHERE e.id = ANY($4::uuid[]) AND ${RETIRABLE} RETURNING e.id`, [tenantId, days, eventBufferSeconds, ids]);
  return { deleted: deleted.length, full: rows.length === batchSize };
}
