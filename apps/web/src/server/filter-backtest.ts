import 'server-only';
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { toEnvelope } from '@cascade/db';
import { compileExpression, triggerFilterVerdict, type FilterVerdict } from '@cascade/workflow';
import { unprocessable } from './http/problem';
import { db } from './services';

/**
 * Bounds of a backtest, which runs on the web server's event loop beside every tenant's requests:
 * each event's evaluation is cut short sooner than the dispatcher's (a slow filter is reported as
 * failed, not waited for), the whole stops after a few seconds of evaluating, events are read a
 * few at a time (payloads may be large), and other requests are let through between events.
 */
export const BACKTEST_LIMITS = { maxEvents: 1_000, eventTimeoutMs: 250, budgetMs: 3_000, readBatch: 25 } as const;

export interface BacktestedEvent {
  id: string;
  receivedAt: Date;
  outcome: FilterVerdict['outcome'];
  error?: string;
}

export interface Backtest {
  evaluated: number;
  matched: number;
  filteredOut: number;
  failed: number;
  /** Why it stopped before the last `limit` events of the type, if it did. */
  stoppedEarly: string | null;
  /** Newest first. */
  events: BacktestedEvent[];
}

/**
 * Evaluates a trigger filter, as the dispatcher would, against the tenant's last `limit` events of
 * a type: how many would have started a run, and which. A filter that does not parse is refused
 * with 422 and its position.
 */
export async function backtestFilter(tenantId: string, { eventType, filter, limit }: { eventType: string; filter: string; limit: number }): Promise<Backtest> {
  const compiled = compileExpression(filter);
  if (!compiled.ok) {
    throw unprocessable(`The filter is not a valid expression: ${compiled.error.message}`, [{ path: '/body/filter', message: compiled.error.message }]);
  }
  const result: Backtest = { evaluated: 0, matched: 0, filteredOut: 0, failed: 0, stoppedEarly: null, events: [] };
  const deadline = performance.now() + BACKTEST_LIMITS.budgetMs;
  let cursor: { receivedAt: Date; id: string } | undefined;
  while (result.evaluated < limit) {
    const batch = await db().event.findMany({
      where: {
        tenantId,
        type: eventType,
        ...(cursor ? { OR: [{ receivedAt: { lt: cursor.receivedAt } }, { receivedAt: cursor.receivedAt, id: { lt: cursor.id } }] } : {}),
      },
      orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      take: Math.min(BACKTEST_LIMITS.readBatch, limit - result.evaluated),
    });
    for (const event of batch) {
      if (performance.now() > deadline) {
        result.stoppedEarly = `Stopped after ${result.evaluated} events: a backtest evaluates for at most ${BACKTEST_LIMITS.budgetMs / 1000} s`;
        return result;
      }
      const verdict = await triggerFilterVerdict(filter, toEnvelope(event), { timeoutMs: BACKTEST_LIMITS.eventTimeoutMs });
      result.evaluated++;
      if (verdict.outcome === 'matched') result.matched++;
      else if (verdict.outcome === 'filtered-out') result.filteredOut++;
      else result.failed++;
      result.events.push({ id: event.id, receivedAt: event.receivedAt, outcome: verdict.outcome, ...(verdict.outcome === 'failed' ? { error: verdict.error } : {}) });
      await yieldToOthers();
    }
    if (batch.length < BACKTEST_LIMITS.readBatch) break;
    const last = batch.at(-1)!;
    cursor = { receivedAt: last.receivedAt, id: last.id };
  }
  return result;
}
