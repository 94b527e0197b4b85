import { setTimeout as sleep } from 'node:timers/promises';
import type { Database, Event } from '@cascade/db';
import type { Logger } from '@cascade/logger';
import pg from 'pg';
import { claimDispatches, markDispatched, markFailed, type ClaimedDispatch } from './claim';

/**
 * What the dispatcher does with each event: start the runs it triggers, signal runs waiting for
 * it. Notes are problems that did not stop the dispatch (a failing trigger filter); they are kept
 * on the dispatch row for the event log to show.
 */
export type DispatchEvent = (event: Event) => Promise<{ notes?: string[] } | void>;

export interface DispatcherOptions {
  db: Database;
  /** For LISTEN: a notification on the ingest commit wakes the dispatcher at once. */
  databaseUrl: string;
  logger: Logger;
  dispatchEvent: DispatchEvent;
  batchSize?: number;
  /** How long a claim lasts before another dispatcher may take the row over. */
  leaseMs?: number;
  /** Poll interval when no notification arrives (e.g. a missed one, or a retry coming due). */
  idlePollMs?: number;
  maxAttempts?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  channel: string;
}

/**
 * Drains the dispatch table: claims due rows, hands each event to `dispatchEvent`, and marks it
 * dispatched, retried with backoff, or dead-lettered. Runs until `stop()`.
 */
export function startDispatcher(options: DispatcherOptions): { stop(): Promise<void> } {
  const { db, logger } = options;
  const batchSize = options.batchSize ?? 100;
  const leaseMs = options.leaseMs ?? 30_000;
  const retry = {
    maxAttempts: options.maxAttempts ?? 5,
    initialBackoffMs: options.initialBackoffMs ?? 1_000,
    maxBackoffMs: options.maxBackoffMs ?? 5 * 60_000,
  };
  let running = true;
  let wake: (() => void) | undefined;
  const listener = new pg.Client({ connectionString: options.databaseUrl });
  listener.on('notification', () => wake?.());
  listener.on('error', (error) => logger.warn({ err: error }, 'dispatch listener lost its connection; polling only'));
  const listening = listener
    .connect()
    .then(() => listener.query(`LISTEN ${options.channel}`))
    .catch((error: unknown) => logger.warn({ err: error }, 'dispatch listener did not connect; polling only'));

  const dispatchOne = async (claimed: ClaimedDispatch) => {
    try {
      const event = await db.event.findUniqueOrThrow({ where: { tenantId_id: { tenantId: claimed.tenantId, id: claimed.eventId } } });
      const outcome = await options.dispatchEvent(event);
      await markDispatched(db, claimed.id, outcome?.notes?.join('\n') || null);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const outcome = await markFailed(db, claimed, message, retry);
      logger[outcome === 'dead' ? 'error' : 'warn'](
        { eventId: claimed.eventId, attempts: claimed.attempts, err: error },
        outcome === 'dead' ? 'event dead-lettered after its last dispatch attempt' : 'event dispatch failed; will retry',
      );
    }
  };

  const loop = (async () => {
    await listening;
    while (running) {
      try {
        const claimed = await claimDispatches(db, batchSize, leaseMs);
        await Promise.all(claimed.map(dispatchOne));
        if (claimed.length === batchSize) continue;
      } catch (error) {
        logger.warn({ err: error }, 'dispatcher could not claim events; retrying');
      }
      const idle = new AbortController();
      wake = () => idle.abort();
      await sleep(options.idlePollMs ?? 1_000, undefined, { signal: idle.signal }).catch(() => undefined);
      wake = undefined;
    }
  })();

  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
      await listener.end().catch(() => undefined);
    },
  };
}
