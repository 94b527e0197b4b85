import { DISPATCH_CHANNEL, sql, type Database } from '@cascade/db';
import { enqueueInsertedEvents } from './dispatch-queue';
import { INSERT_EVENTS_MARK } from './earlier-inserts';

/** One event row as stored; JSON columns are already plain values. */
export interface EventRow {
  tenant_id: string;
  id: string;
  type: string;
  version: number;
  source: string;
  occurred_at: string;
  correlation_id: string | null;
  causation_id: string | null;
  causation_depth: number;
  actor: unknown;
  data: unknown;
  metadata: unknown;
  published_by: string;
  /** The publishing request's W3C traceparent, when it was traced. */
  trace_parent: string | null;
}

interface Pending {
  rows: EventRow[];
  resolve: (inserted: Set<string>) => void;
  reject: (error: unknown) => void;
}

export const eventKey = (tenantId: string, id: string) => `${tenantId}/${id}`;

/** Most rows one statement carries; larger groups are split. */
const MAX_ROWS_PER_COMMIT = 2_000;

/**
 * Writes events and their dispatch rows, sharing commits between concurrent callers (group
 * commit): while one statement is in flight, later callers queue and go together in the next
 * one. A caller's promise settles only after the commit that holds its rows, so the guarantee
 * "stored before 202" is kept while fsyncs are shared (DESIGN.md §8). One caller's failure is
 * its own: the others of its group are committed without it.
 */
export function createEventWriter(db: Database) {
  const queue: Pending[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    flushing = true;
    while (queue.length) {
      const group: Pending[] = [];
      let size = 0;
      while (queue.length && (size === 0 || size + queue[0]!.rows.length <= MAX_ROWS_PER_COMMIT)) {
        const next = queue.shift()!;
        group.push(next);
        size += next.rows.length;
      }
      await commit(group);
    }
    flushing = false;
  }

  /**
   * One statement for the group. Should it fail, each caller is retried alone, so one caller's
   * row PostgreSQL refuses (or any failure of one caller) fails only that caller's write.
   */
  async function commit(group: Pending[]): Promise<void> {
    let inserted: Set<string>;
    try {
      inserted = await insertEvents(db, group.flatMap((p) => p.rows));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      for (const pending of group) await commit([pending]);
      return;
    }
    // The same id sent twice at once lands in one group: only its first sender inserted it.
    for (const pending of group) {
      const mine = new Set<string>();
      for (const row of pending.rows) {
        const key = eventKey(row.tenant_id, row.id);
        if (inserted.delete(key)) mine.add(key);
      }
      pending.resolve(mine);
    }
  }

  return {
    /** Resolves with the keys (`eventKey`) of the rows this call inserted; the others were duplicates. */
    write(rows: EventRow[]): Promise<Set<string>> {
      if (!rows.length) return Promise.resolve(new Set());
      return new Promise((resolve, reject) => {
        queue.push({ rows, resolve, reject });
        if (!flushing) void flush();
      });
    },
  };
}

export type EventWriter = ReturnType<typeof createEventWriter>;

const enqueue = enqueueInsertedEvents('$2');

/**
 * One statement, so one round trip and one commit: insert the events (skipping ids already
 * stored for the tenant, or stored once and retired by retention), a dispatch row for each new
 * one, and wake the dispatchers. Retention commits an id to retired_event_ids before it deletes
 * the event, so at every moment one of the two tables holds it, and waits for the inserts that
 * started before the ids committed (waitForEarlierEventInserts) before it deletes.
 */
async function insertEvents(db: Database, rows: EventRow[]): Promise<Set<string>> {
  const result = await sql<{ tenant_id: string; id: string }>(
    db,
    `${INSERT_EVENTS_MARK}
    WITH incoming AS (
      SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
        tenant_id uuid, id uuid, type text, version int, source text, occurred_at timestamptz,
        correlation_id text, causation_id text, causation_depth int, actor jsonb, data jsonb,
        metadata jsonb, published_by text, trace_parent text)
    ), inserted AS (
      INSERT INTO events (tenant_id, id, type, version, source, occurred_at, correlation_id, causation_id,
                          causation_depth, actor, data, metadata, published_by, trace_parent)
      SELECT tenant_id, id, type, version, source, occurred_at, correlation_id, causation_id,
             causation_depth, actor, data, metadata, published_by, trace_parent FROM incoming
       WHERE NOT EXISTS (SELECT 1 FROM retired_event_ids r WHERE r.tenant_id = incoming.tenant_id AND r.id = incoming.id)
      ON CONFLICT (tenant_id, id) DO NOTHING
      RETURNING tenant_id, id
    ), ${enqueue.cte}
    SELECT inserted.tenant_id::text, inserted.id::text FROM inserted, ${enqueue.wake}`,
    [JSON.stringify(rows), DISPATCH_CHANNEL],
  );
  return new Set(result.map((row) => eventKey(row.tenant_id, row.id)));
}
