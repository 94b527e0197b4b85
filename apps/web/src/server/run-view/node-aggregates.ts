import 'server-only';
import { sql } from '@cascade/db';
import { db } from '../services';

/** What a run's steps of one node add up to: the canvas decorates the node's card with it. */
export interface NodeAggregate {
  nodeId: string;
  /** Step rows: one per time the node ran (once, or once per forEach iteration it sits in). */
  steps: number;
  completed: number;
  failed: number;
  running: number;
  /** Attempts beyond the first, over all its steps: how often it was retried. */
  retries: number;
  /** The status of the step that started last, and what it answered, reduced to what picks a port. */
  lastStatus: 'RUNNING' | 'COMPLETED' | 'FAILED';
  lastResult: unknown;
  firstStartedAt: Date;
  /** Null while a step of it is unfinished. */
  lastFinishedAt: Date | null;
  /** Time its steps took, added up (in a forEach, iterations overlap: this is not the span). */
  busyMs: number;
}

/**
 * The steps of a run grouped by node in one query, so a run of 10,000 steps costs the canvas one
 * row per node, never the steps themselves. `keyPrefix` narrows it to one forEach iteration
 * (`lines[2].`): the steps whose key starts with it.
 */
export async function aggregateNodes(runId: string, keyPrefix?: string): Promise<NodeAggregate[]> {
  const rows = await sql<{
    node_id: string; steps: string; completed: string; failed: string; running: string; retries: string;
    last_status: NodeAggregate['lastStatus']; last_result: unknown; first_started_at: Date; last_finished_at: Date | null; unfinished: string; busy_ms: number;
  }>(
    db(),
    `SELECT node_id,
            count(*) AS steps,
            count(*) FILTER (WHERE status = 'COMPLETED') AS completed,
            count(*) FILTER (WHERE status = 'FAILED') AS failed,
            count(*) FILTER (WHERE status = 'RUNNING') AS running,
            coalesce(sum(greatest(attempts - 1, 0)), 0) AS retries,
            (array_agg(status::text ORDER BY started_at DESC, id DESC))[1] AS last_status,
            -- Only what says which port the node left by: a boolean, a port name, an approval's outcome, or whether there was a value.
            (array_agg(CASE
               WHEN output IS NULL OR jsonb_typeof(output) = 'null' THEN 'null'::jsonb
               WHEN jsonb_typeof(output) = 'boolean' THEN output
               WHEN jsonb_typeof(output) = 'string' AND length(output #>> '{}') <= 200 THEN output
               WHEN jsonb_typeof(output) = 'object' AND jsonb_typeof(output -> 'outcome') = 'string' THEN jsonb_build_object('outcome', output -> 'outcome')
               ELSE '{}'::jsonb END ORDER BY started_at DESC, id DESC))[1] AS last_result,
            min(started_at) AS first_started_at,
            max(finished_at) AS last_finished_at,
            count(*) FILTER (WHERE finished_at IS NULL) AS unfinished,
            coalesce(sum(extract(epoch FROM (coalesce(finished_at, now()) - started_at)) * 1000), 0)::float8 AS busy_ms
       FROM run_steps
      WHERE run_id = $1::uuid AND ($2::text IS NULL OR starts_with(key, $2::text))
      GROUP BY node_id`,
    [runId, keyPrefix ?? null],
  );
  return rows.map((row) => ({
    nodeId: row.node_id,
    steps: Number(row.steps),
    completed: Number(row.completed),
    failed: Number(row.failed),
    running: Number(row.running),
    retries: Number(row.retries),
    lastStatus: row.last_status,
    lastResult: row.last_result,
    firstStartedAt: row.first_started_at,
    lastFinishedAt: Number(row.unfinished) > 0 ? null : row.last_finished_at,
    busyMs: Math.round(row.busy_ms),
  }));
}

/** How many iterations of a forEach left steps: `lines[0].`, `lines[1].`, … found by their keys. */
export async function countIterations(runId: string, forEachKey: string): Promise<number> {
  const [row] = await sql<{ iterations: string }>(
    db(),
    `SELECT count(DISTINCT substring(key FROM length($2::text) + 2 FOR position(']' IN substring(key FROM length($2::text) + 2)) - 1)) AS iterations
       FROM run_steps WHERE run_id = $1::uuid AND starts_with(key, $2::text || '[')`,
    [runId, forEachKey],
  );
  return Number(row?.iterations ?? 0);
}

/**
 * A fingerprint of everything a run's page shows, read in one statement from the run's row and
 * the indexes of its steps, waits and tasks: it changes whenever a step is written or rewritten,
 * a wait opens or closes, a task is decided or escalated, or the run ends. Undefined for a run
 * not in the tenant.
 */
export async function runFingerprint(tenantId: string, runId: string): Promise<string | undefined> {
  const [row] = await sql<{ fingerprint: string }>(
    db(),
    `SELECT concat_ws('|', r.status, r.finished_at,
              (SELECT concat_ws(':', count(*), max(id), sum(attempts), max(started_at), max(finished_at), count(*) FILTER (WHERE status <> 'COMPLETED'), count(finished_at))
                 FROM run_steps WHERE run_id = r.id),
              (SELECT concat_ws(':', count(*), count(closed_at)) FROM waits WHERE run_id = r.id),
              (SELECT concat_ws(':', count(*), count(decided_at), count(escalated_at), string_agg(status::text, ',')) FROM approval_tasks WHERE run_id = r.id)
            ) AS fingerprint
       FROM runs r WHERE r.id = $1::uuid AND r.tenant_id = $2::uuid`,
    [runId, tenantId],
  );
  return row?.fingerprint;
}
