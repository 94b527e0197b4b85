import { setTimeout as sleep } from 'node:timers/promises';
import type { Database, Event } from '@cascade/db';
import type { Logger } from '@cascade/logger';
import pg from 'pg';
import { claimDispatches, markDispatched, markFailed, releaseClaims, renewClaims, type ClaimedDispatch, type DispatchDecision, type DispatchDone } from '@cascade/ingestion';
import { deadLetters, dispatchLag } from '../metrics';
import { createOutageBreaker, isTemporalOutage } from './outage';
import type { RunPacing } from './run-pacing';

/**
 * What the dispatcher does with each event: start the runs it triggers, signal runs waiting for
 * it. Notes are problems that did not stop the dispatch (a failing trigger filter); they are kept
 * on the dispatch row for the event log to show, with the decision taken for each trigger.
 */
export type DispatchOutcome = { ok: true; notes: string[]; decisions: DispatchDecision[] } | { ok: false; error: unknown };

/** Dispatches a claimed batch at once (one query per kind of lookup), with an outcome per `dispatchKey`. */
export type DispatchEvents = (events: Event[]) => Promise<Map<string, DispatchOutcome>>;

/** Event ids are unique per tenant, so outcomes are keyed by both. */
export const dispatchKey = (tenantId: string, eventId: string) => `${tenantId}/${eventId}`;

export interface DispatcherOptions {
  db: Database;
  /** For LISTEN: a notification on the ingest commit wakes the dispatcher at once. */
  databaseUrl: string;
  logger: Logger;
  dispatchEvents: DispatchEvents;
  /**
   * Most rows claimed and routed at once (default 500). Each batch costs a fixed handful of
   * statements, so a large one keeps up with ingestion: at 10,500 events/s in batches of 100,
   * claims of 100 fell 17–24 s behind, claims of 500 stayed within about a second.
   */
  batchSize?: number;
  /**
   * How long a claim lasts before another dispatcher may take the row over (default 10 s): what a
   * killed dispatcher's rows wait. A batch still in flight renews its lease every third of it.
   */
  leaseMs?: number;
  /** Poll interval when no notification arrives (e.g. a missed one, or a retry coming due). */
  idlePollMs?: number;
  maxAttempts?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /**
   * Paces run starts to the workers (run-pacing.ts): a claim takes no more events than it leaves
   * room for, and while it leaves none the dispatcher asks again every `pacingPollMs` (default 25 ms).
   * Without it every claimed event's runs start at once.
   */
  pacing?: RunPacing;
  pacingPollMs?: number;
  /** Longest wait between probes while Temporal is unreachable (default 30 s). */
  maxOutagePauseMs?: number;
  channel: string;
}

/**
 * Drains the dispatch table: claims due rows, hands their events to `dispatchEvents`, and marks each
 * dispatched, retried with backoff, or dead-lettered. Runs until `stop()`. While Temporal is
 * unreachable it stops claiming rather than burn the events' attempts: the rows go back unchanged,
 * and single events probe for its return (outage.ts).
 */
export function startDispatcher(options: DispatcherOptions): { stop(): Promise<void> } {
  const { db, logger } = options;
  const batchSize = options.batchSize ?? 500;
  const leaseMs = options.leaseMs ?? 10_000;
  const retry = {
    maxAttempts: options.maxAttempts ?? 5,
    initialBackoffMs: options.initialBackoffMs ?? 1_000,
    maxBackoffMs: options.maxBackoffMs ?? 5 * 60_000,
  };
  const breaker = createOutageBreaker({ maxPauseMs: options.maxOutagePauseMs });
  let running = true;
  let wake: (() => void) | undefined;
  // A notification that arrives while a batch is being dispatched must not be lost until the next poll.
  let notified = false;
  const listener = new pg.Client({ connectionString: options.databaseUrl });
  listener.on('notification', () => {
    notified = true;
    wake?.();
  });
  listener.on('error', (error) => logger.warn({ err: error }, 'dispatch listener lost its connection; polling only'));
  const listening = listener
    .connect()
    .then(() => listener.query(`LISTEN ${options.channel}`))
    .catch((error: unknown) => logger.warn({ err: error }, 'dispatch listener did not connect; polling only'));

  const failed = async (claimed: ClaimedDispatch, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const outcome = await markFailed(db, claimed, message, retry);
    if (outcome === 'dead') deadLetters.inc({ queue: 'dispatch' });
    logger[outcome === 'dead' ? 'error' : 'warn'](
      { eventId: claimed.eventId, attempts: claimed.attempts, err: error },
      outcome === 'dead' ? 'event dead-lettered after its last dispatch attempt' : 'event dispatch failed; will retry',
    );
  };

  /** Dispatches a claimed batch; answers whether Temporal was unreachable for any of it. */
  const dispatchBatch = async (claimed: ClaimedDispatch[], claimMs: number): Promise<boolean> => {
    const timing = { claimed: claimed.length, claimMs: Math.round(claimMs), loadMs: 0, routeMs: 0, markMs: 0 };
    let since = performance.now();
    const lap = (phase: 'loadMs' | 'routeMs' | 'markMs') => {
      const now = performance.now();
      timing[phase] = Math.round(now - since);
      since = now;
    };
    // Two IN lists rather than one OR per row: far cheaper to build and plan. Ids are unique per
    // tenant only, so a row of another pair can come back; byKey keeps the claimed pairs.
    const events = await db.event.findMany({ where: { tenantId: { in: [...new Set(claimed.map((row) => row.tenantId))] }, id: { in: claimed.map((row) => row.eventId) } } });
    const byKey = new Map(events.map((event) => [dispatchKey(event.tenantId, event.id), event]));
    lap('loadMs');
    let outcomes: Map<string, DispatchOutcome>;
    const renewal = setInterval(() => {
      renewClaims(db, claimed, leaseMs).catch((error: unknown) => logger.warn({ err: error }, 'could not renew the lease of dispatches in flight'));
    }, leaseMs / 3);
    try {
      outcomes = await options.dispatchEvents(claimed.flatMap(({ tenantId, eventId }) => byKey.get(dispatchKey(tenantId, eventId)) ?? []));
    } catch (error) {
      outcomes = new Map(claimed.map(({ tenantId, eventId }) => [dispatchKey(tenantId, eventId), { ok: false, error }]));
    } finally {
      clearInterval(renewal);
    }
    lap('routeMs');
    const done: DispatchDone[] = [];
    const released: ClaimedDispatch[] = [];
    const receivedTimes: Date[] = [];
    for (const row of claimed) {
      const outcome = outcomes.get(dispatchKey(row.tenantId, row.eventId)) ?? { ok: false, error: new Error(`event ${row.eventId} was not dispatched`) };
      if (outcome.ok) {
        done.push({ id: row.id, note: outcome.notes.join('\n') || null, decisions: outcome.decisions });
        const receivedAt = byKey.get(dispatchKey(row.tenantId, row.eventId))?.receivedAt;
        if (receivedAt) receivedTimes.push(receivedAt);
        options.pacing?.started(outcome.decisions.flatMap((decision) => (decision.outcome === 'started' ? [decision.runId] : [])));
      } else if (isTemporalOutage(outcome.error)) released.push(row);
      else await failed(row, outcome.error);
    }
    await markDispatched(db, done);
    const dispatchedAt = Date.now();
    for (const receivedAt of receivedTimes) dispatchLag.observe((dispatchedAt - receivedAt.getTime()) / 1000);
    await releaseClaims(db, released, 'Temporal was unreachable; the dispatch waits for it without using an attempt');
    lap('markMs');
    // Where a batch's time goes: claiming it, reading its events, routing them (trigger lookups, run starts), recording the outcome.
    logger.debug(timing, 'dispatched a batch');
    return released.length > 0;
  };

  /** After a dispatch that reached Temporal or not: opens or closes the breaker; answers how long to pause. */
  const afterBatch = (unreachable: boolean): number => {
    if (!unreachable) {
      const lasted = breaker.succeeded();
      if (lasted !== undefined) logger.info({ outageMs: lasted }, `Temporal is reachable again after ${Math.round(lasted / 1000)} s; dispatch resumed`);
      return 0;
    }
    const { pauseMs, opened } = breaker.failed();
    if (opened) logger.error('Temporal is unreachable: dispatch paused, events keep their attempts; probing with one event until it answers');
    return pauseMs;
  };

  const loop = (async () => {
    await listening;
    while (running) {
      notified = false;
      try {
        // While Temporal is unreachable, one event at a time probes for its return.
        const room = breaker.open ? 1 : Math.min(batchSize, (await options.pacing?.room()) ?? batchSize);
        if (room < 1) {
          await sleep(options.pacingPollMs ?? 25);
          continue;
        }
        const claimStarted = performance.now();
        const claimed = await claimDispatches(db, room, leaseMs);
        const pauseMs = claimed.length ? afterBatch(await dispatchBatch(claimed, performance.now() - claimStarted)) : 0;
        if (pauseMs) {
          await pause(pauseMs);
          continue;
        }
        // A short claim does not mean the queue is empty: rows another dispatcher held were
        // skipped. So claim again until a claim comes back empty.
        if (claimed.length) continue;
      } catch (error) {
        logger.warn({ err: error }, 'dispatcher could not claim events; retrying');
      }
      if (notified) continue;
      const idle = new AbortController();
      wake = () => idle.abort();
      await sleep(options.idlePollMs ?? 1_000, undefined, { signal: idle.signal }).catch(() => undefined);
      wake = undefined;
    }
  })();

  /** Waits out a pause of the breaker: new events do not cut it short, stopping does. */
  async function pause(ms: number) {
    const stopping = new AbortController();
    wake = () => {
      if (!running) stopping.abort();
    };
    await sleep(ms, undefined, { signal: stopping.signal }).catch(() => undefined);
    wake = undefined;
  }

  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
      await listener.end().catch(() => undefined);
    },
  };
}
