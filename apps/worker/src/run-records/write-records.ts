import { sql, type Database } from '@cascade/db';
import { runEnds } from '../metrics';
import type { RecordBatch, StepWrite } from './records';
import { toStorableStep, toStorableValue } from './storable-records';

/** How a run ended, for the write that closes it. */
export interface RunOutcome {
  status: 'COMPLETED' | 'FAILED' | 'CANCELLED';
  error?: { message: string; node?: string };
}

/** A side effect done under an idempotency key, so a retried step finds it rather than repeating it. */
export interface ActionExecution {
  idempotencyKey: string;
  tenantId: string;
  actionId: string;
  output: unknown;
}

/**
 * Writes a batch of the run read model in one statement: the run row (once, idempotently) and
 * each step upserted by its key, so a retried activity rewrites rather than duplicates.
 * With `outcome`, the same statement also closes the run. A run row inserted by this statement is
 * invisible to its own UPDATE, so a new row is inserted closed already. With `execution`, it also
 * completes the action execution whose intent was recorded before the effect (execution-intent.ts),
 * so the effect's outcome and its step are written together. Text PostgreSQL
 * cannot store is recorded with U+FFFD in its place (storable-records.ts), so a record can never
 * fail the statement and with it a step whose effect is done.
 */
export async function writeRecords(
  db: Database,
  batch: RecordBatch,
  runId: string,
  { outcome, execution }: { outcome?: RunOutcome; execution?: ActionExecution } = {},
): Promise<void> {
  const { run } = batch;
  if (!run && batch.steps.length === 0 && !outcome && !execution) return;
  const status = outcome?.status ?? null;
  const error = outcome?.error ? JSON.stringify(toStorableValue(outcome.error)) : null;
  const closed = await sql<{ workflow_id: string }>(
    db,
    `
    WITH new_run AS (
      INSERT INTO runs (id, tenant_id, workflow_id, version_id, temporal_workflow_id, event_id, parent_run_id, status, started_at, finished_at, error)
      SELECT r.id, r.tenant_id, r.workflow_id, r.version_id, r.temporal_workflow_id, r.event_id, r.parent_run_id,
             COALESCE($1::"RunStatus", 'RUNNING'), r.started_at, CASE WHEN $1::"RunStatus" IS NULL THEN NULL ELSE now() END, $2::jsonb
        FROM jsonb_to_record($3::jsonb)
          AS r(id uuid, tenant_id uuid, workflow_id uuid, version_id uuid, temporal_workflow_id text, event_id uuid, parent_run_id uuid, started_at timestamptz)
       WHERE r.id IS NOT NULL
      ON CONFLICT DO NOTHING
      RETURNING workflow_id
    ),
    closed_run AS (
      UPDATE runs SET status = $1::"RunStatus", finished_at = now(), error = $2::jsonb
       WHERE id = $4::uuid AND $1::"RunStatus" IS NOT NULL
      RETURNING workflow_id
    ),
    execution AS (
      INSERT INTO action_executions (idempotency_key, tenant_id, action_id, output, completed_at)
      SELECT e.idempotency_key, e.tenant_id, e.action_id, COALESCE(e.output, 'null'::jsonb), now()
        FROM jsonb_to_record($5::jsonb)
          AS e(idempotency_key text, tenant_id uuid, action_id text, output jsonb)
       WHERE e.idempotency_key IS NOT NULL
      ON CONFLICT (idempotency_key) DO UPDATE SET output = excluded.output, completed_at = excluded.completed_at
       WHERE action_executions.completed_at IS NULL
    ),
    steps AS (
      INSERT INTO run_steps (run_id, node_id, key, status, attempts, input, output, error, started_at, finished_at)
      SELECT $4::uuid, s.node_id, s.key, s.status::"StepStatus", s.attempts, s.input, s.output, s.error, s.started_at, s.finished_at
        FROM jsonb_to_recordset($6::jsonb)
          AS s(node_id text, key text, status text, attempts int, input jsonb, output jsonb, error jsonb, started_at timestamptz, finished_at timestamptz)
      ON CONFLICT (run_id, key) DO UPDATE
        SET status = excluded.status, attempts = excluded.attempts, input = excluded.input, output = excluded.output,
            error = excluded.error, started_at = excluded.started_at, finished_at = excluded.finished_at
    )
    -- The closed run's workflow, for the runs-finished metric: from the row closed, or inserted closed.
    SELECT workflow_id::text FROM closed_run
    UNION ALL SELECT workflow_id::text FROM new_run WHERE $1::"RunStatus" IS NOT NULL`,
    [status, error, run ? JSON.stringify(runRow(run)) : null, runId, execution ? JSON.stringify(executionRow(execution)) : null, JSON.stringify(batch.steps.map(stepRow))],
  );
  for (const { workflow_id } of closed) runEnds.inc({ workflow: workflow_id, outcome: outcome!.status.toLowerCase() });
}

function runRow(run: NonNullable<RecordBatch['run']>) {
  return {
    id: run.id,
    tenant_id: run.tenantId,
    workflow_id: run.workflowId,
    version_id: run.versionId,
    temporal_workflow_id: run.temporalWorkflowId,
    event_id: run.eventId,
    parent_run_id: run.parentRunId ?? null,
    started_at: run.startedAt,
  };
}

function executionRow(execution: ActionExecution) {
  return { idempotency_key: execution.idempotencyKey, tenant_id: execution.tenantId, action_id: execution.actionId, output: toStorableValue(execution.output ?? null) };
}

function stepRow(written: StepWrite) {
  const step = toStorableStep(written);
  return {
    node_id: step.nodeId,
    key: step.key,
    status: step.status,
    attempts: step.attempts ?? 1,
    input: step.input ?? null,
    output: step.output ?? null,
    error: step.error ?? null,
    started_at: step.startedAt,
    finished_at: step.finishedAt ?? null,
  };
}
