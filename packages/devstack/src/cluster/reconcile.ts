import type { Database } from '@cascade/db';
import type { Client } from '@temporalio/client';
import { EMITS_PER_RUN } from './workflow';

/** What the cluster test found, each a count whose goal is 0. */
export interface Reconciliation {
  /** Acknowledged (answered 202) but not in the event log. */
  eventsLost: number;
  /** Acknowledged triggering events whose dispatch row is not DISPATCHED. */
  notDispatched: number;
  /** Triggering events with other than one run of the workflow. */
  runsNotOne: number;
  /** Runs not COMPLETED in Cascade's database. */
  runsNotFinished: number;
  /** Runs of the workflow still open in Temporal. */
  openInTemporal: number;
  /** Runs with an emit missing or repeated: each emits EMITS_PER_RUN follow-ups exactly once. */
  emitsWrong: number;
}

export async function reconcile(db: Database, temporal: Client, tenantId: string, workflowId: string, acknowledged: string[]): Promise<Reconciliation> {
  const [row] = await db.$queryRaw<Array<{ lost: bigint; not_dispatched: bigint; runs_not_one: bigint; not_finished: bigint; emits_wrong: bigint }>>`
    WITH acked AS (SELECT unnest(${acknowledged}::uuid[]) AS id),
    runs_per AS (
      SELECT a.id, count(r.id) AS runs, bool_and(r.status = 'COMPLETED') AS finished
        FROM acked a LEFT JOIN runs r ON r.tenant_id = ${tenantId}::uuid AND r.workflow_id = ${workflowId}::uuid AND r.event_id = a.id
       GROUP BY a.id),
    emits_per AS (
      SELECT a.id, count(f.id) AS emits
        FROM acked a LEFT JOIN events f ON f.tenant_id = ${tenantId}::uuid AND f.causation_id = a.id::text
       GROUP BY a.id)
    SELECT
      (SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.tenant_id = ${tenantId}::uuid AND e.id = a.id)) AS lost,
      (SELECT count(*) FROM acked a WHERE NOT EXISTS (
         SELECT 1 FROM dispatches d WHERE d.tenant_id = ${tenantId}::uuid AND d.event_id = a.id AND d.status = 'DISPATCHED')) AS not_dispatched,
      (SELECT count(*) FROM runs_per WHERE runs <> 1) AS runs_not_one,
      (SELECT count(*) FROM runs_per WHERE runs = 1 AND NOT finished) AS not_finished,
      (SELECT count(*) FROM emits_per WHERE emits <> ${EMITS_PER_RUN}) AS emits_wrong`;
  return {
    eventsLost: Number(row!.lost),
    notDispatched: Number(row!.not_dispatched),
    runsNotOne: Number(row!.runs_not_one),
    runsNotFinished: Number(row!.not_finished),
    openInTemporal: await openInTemporal(temporal, workflowId),
    emitsWrong: Number(row!.emits_wrong),
  };
}

/**
 * Runs of the workflow Temporal's visibility store still lists as running. A run is COMPLETED in
 * Cascade's database by its last activity, a moment before its execution closes in Temporal, and
 * the server's visibility store is updated after that, asynchronously.
 */
export async function openInTemporal(temporal: Client, workflowId: string): Promise<number> {
  return (await temporal.workflow.count(`WorkflowId STARTS_WITH "run:${workflowId}:" AND ExecutionStatus = "Running"`)).count;
}

/**
 * Runs of the workflow parked on their wait, runs completed, and the tenant's events not dispatched
 * yet: an event a killed worker had claimed waits for its claim's lease to pass before another
 * worker takes it over, even when the run it started is done.
 */
export async function progressOf(db: Database, tenantId: string, workflowId: string) {
  const [row] = await db.$queryRaw<Array<{ waiting: bigint; completed: bigint; pending: bigint }>>`
    SELECT (SELECT count(*) FROM waits w JOIN runs r ON r.id = w.run_id WHERE w.closed_at IS NULL AND r.tenant_id = ${tenantId}::uuid AND r.workflow_id = ${workflowId}::uuid) AS waiting,
           (SELECT count(*) FROM runs WHERE tenant_id = ${tenantId}::uuid AND workflow_id = ${workflowId}::uuid AND status = 'COMPLETED') AS completed,
           (SELECT count(*) FROM dispatches WHERE tenant_id = ${tenantId}::uuid AND status = 'PENDING') AS pending`;
  return { waiting: Number(row!.waiting), completed: Number(row!.completed), pending: Number(row!.pending) };
}
