import { setTimeout as delay } from 'node:timers/promises';
import { sql } from '@cascade/db';
import type { RetentionContext } from './retention-context';
import { retireEvents } from './retire-events';
import { retireRuns } from './retire-runs';

export interface RetentionPassResult {
  eventsDeleted: number;
  runsDeleted: number;
  idsPruned: number;
  /** Some tenant filled a batch: there is more to do at once. */
  more: boolean;
}

/**
 * One pass: for every tenant with a window, at most one batch of events and one of runs; then
 * one batch of retired ids past the dedupe horizon. A tenant's backlog so waits its turn behind
 * one batch of every other tenant's, and one tenant's failure is logged and leaves the others
 * to run.
 */
export async function runRetentionPass(context: RetentionContext): Promise<RetentionPassResult> {
  const policies = await context.db.tenantRetention.findMany({
    where: { OR: [{ eventLogDays: { not: null } }, { runHistoryDays: { not: null } }] },
    orderBy: { tenantId: 'asc' },
  });
  const result: RetentionPassResult = { eventsDeleted: 0, runsDeleted: 0, idsPruned: 0, more: false };
  for (const policy of policies) {
    try {
      if (policy.runHistoryDays !== null) {
        const runs = await retireRuns(context, policy.tenantId, policy.runHistoryDays);
        result.runsDeleted += runs.deleted;
        result.more ||= runs.full;
      }
      if (policy.eventLogDays !== null) {
        const events = await retireEvents(context, policy.tenantId, policy.eventLogDays);
        result.eventsDeleted += events.deleted;
        result.more ||= events.full;
      }
    } catch (error) {
      context.logger.warn({ err: error, tenantId: policy.tenantId }, 'retention of a tenant failed; the next pass tries again');
    }
  }
  if (context.dedupeDays !== undefined) {
    result.idsPruned = (await pruneRetiredIds(context, context.dedupeDays)).length;
    result.more ||= result.idsPruned === context.batchSize;
  }
  return result;
}

/** Forgets one batch of retired ids received more than `days` ago: re-sent after that, an id starts runs again. */
const pruneRetiredIds = (context: RetentionContext, days: number) =>
  sql(
    context.db,
    `DELETE FROM retired_event_ids WHERE ctid IN (
       SELECT ctid FROM retired_event_ids WHERE received_on < current_date - $1::int LIMIT $2)
     RETURNING id`,
    [days, context.batchSize],
  );

/**
 * Runs passes until stopped: every `intervalMs`, and again soon after a pass that left more to
 * do, with a pause between so dispatch and runs keep the database most of the time. A database
 * outage only delays retention.
 */
export function startRetention(context: RetentionContext & { intervalMs: number; backlogPauseMs?: number }): { stop(): Promise<void> } {
  const abort = new AbortController();
  const loop = (async () => {
    while (!abort.signal.aborted) {
      let more = false;
      try {
        const result = await runRetentionPass(context);
        more = result.more;
        if (result.eventsDeleted || result.runsDeleted || result.idsPruned) context.logger.info(result, 'retention pass archived and deleted');
      } catch (error) {
        if (!abort.signal.aborted) context.logger.warn({ err: error }, 'retention pass failed; retrying');
      }
      // Resolves early, not rejecting, when stopped.
      await delay(more ? (context.backlogPauseMs ?? 1_000) : context.intervalMs, undefined, { signal: abort.signal }).catch(() => undefined);
    }
  })();
  return {
    async stop() {
      abort.abort();
      await loop;
    },
  };
}
