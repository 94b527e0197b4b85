import type { Database } from '@cascade/db';
import type { Client } from '@temporalio/client';
import { sleep } from '../bench/runs/stats';
import type { TargetRecord } from './side-effect-target';

export interface Reconciliation {
  acknowledged: number;
  /** Events of the suite's source in the event log (acknowledged, and any committed whose 202 was lost). */
  logged: number;
  acknowledgedLost: number;
  dispatchStatuses: Record<string, number>;
  /** Events whose trigger started no run in Temporal, or more than one. */
  runsPerTriggerEventNotOne: number;
  temporalStatuses: Record<string, number>;
  runsNotFinished: number;
  readModelNotCompleted: number;
  emitsDuplicated: number;
  emitsMissing: number;
  sideEffectsDuplicated: number;
  sideEffectsMissing: number;
  /** Requests repeating a key the target had acted on: effects a target that ignores the key would have done twice. */
  repeatedKeyRequests: number;
  requestsWithoutKey: number;
}

const tally = (values: string[]) => values.reduce<Record<string, number>>((counts, v) => ({ ...counts, [v]: (counts[v] ?? 0) + 1 }), {});

/**
 * Joins what every party recorded: the ids the producer got a 202 for, the event log and its
 * dispatch rows, Temporal's executions of the workflow, the follow-up events the runs emitted, and
 * the requests the side-effect target received.
 */
export async function reconcile(
  db: Database,
  temporal: Client,
  scope: { tenantId: string; workflowId: string; source: string; followUpType: string },
  acknowledged: readonly string[],
  target: TargetRecord,
): Promise<Reconciliation> {
  const events = await db.$queryRaw<Array<{ id: string; dispatch: string | null; run_status: string | null; follow_ups: bigint }>>`
    SELECT e.id::text, d.status::text AS dispatch, r.status::text AS run_status,
           (SELECT count(*) FROM events f WHERE f.tenant_id = e.tenant_id AND f.causation_id = e.id::text AND f.type = ${scope.followUpType}) AS follow_ups
      FROM events e
      LEFT JOIN dispatches d ON d.tenant_id = e.tenant_id AND d.event_id = e.id
      LEFT JOIN runs r ON r.tenant_id = e.tenant_id AND r.event_id = e.id AND r.workflow_id = ${scope.workflowId}::uuid
     WHERE e.tenant_id = ${scope.tenantId}::uuid AND e.source = ${scope.source}`;
  const logged = new Set(events.map((event) => event.id));

  const prefix = `run:${scope.workflowId}:`;
  const executions = new Map<string, string[]>();
  for await (const execution of temporal.workflow.list()) {
    if (!execution.workflowId.startsWith(prefix)) continue;
    const eventId = execution.workflowId.slice(prefix.length);
    executions.set(eventId, [...(executions.get(eventId) ?? []), execution.status.name]);
  }
  const statuses = [...executions.values()].flat();
  const effects = (id: string) => target.effectsByEvent.get(id)?.size ?? 0;

  return {
    acknowledged: acknowledged.length,
    logged: logged.size,
    acknowledgedLost: acknowledged.filter((id) => !logged.has(id)).length,
    dispatchStatuses: tally(events.map((event) => event.dispatch ?? 'none')),
    runsPerTriggerEventNotOne: [...logged].filter((id) => executions.get(id)?.length !== 1).length,
    temporalStatuses: tally(statuses),
    runsNotFinished: statuses.filter((status) => status !== 'COMPLETED').length,
    readModelNotCompleted: events.filter((event) => event.run_status !== 'COMPLETED').length,
    emitsDuplicated: events.reduce((sum, event) => sum + Math.max(0, Number(event.follow_ups) - 1), 0),
    emitsMissing: events.filter((event) => Number(event.follow_ups) === 0).length,
    sideEffectsDuplicated: [...logged].reduce((sum, id) => sum + Math.max(0, effects(id) - 1), 0),
    sideEffectsMissing: [...logged].filter((id) => effects(id) === 0).length,
    repeatedKeyRequests: target.repeatedKeys,
    requestsWithoutKey: target.withoutKey,
  };
}

/**
 * Waits until every event of the source in the log has a finished run (or a dead dispatch row)
 * and no dispatch row is pending, then until Temporal has no open execution; gives up after
 * `timeoutMs`. Answers whether the stack came to rest.
 */
export async function waitForQuiescence(
  db: Database,
  temporal: Client,
  scope: { tenantId: string; workflowId: string; source: string },
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [row] = await db.$queryRaw<Array<{ events: bigint; settled: bigint; pending: bigint }>>`
      SELECT count(*) AS events,
             count(*) FILTER (WHERE d.status = 'DEAD' OR EXISTS (
               SELECT 1 FROM runs r WHERE r.tenant_id = e.tenant_id AND r.event_id = e.id AND r.workflow_id = ${scope.workflowId}::uuid AND r.status <> 'RUNNING')) AS settled,
             count(*) FILTER (WHERE d.status = 'PENDING') AS pending
        FROM events e JOIN dispatches d ON d.tenant_id = e.tenant_id AND d.event_id = e.id
       WHERE e.tenant_id = ${scope.tenantId}::uuid AND e.source = ${scope.source}`.catch(() => []);
    if (row && row.settled >= row.events && row.pending === 0n) {
      const open = await temporal.workflow.count('ExecutionStatus = "Running"').catch(() => undefined);
      if (open?.count === 0) return true;
    }
    await sleep(1_000);
  }
  return false;
}
