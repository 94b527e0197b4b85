import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@cascade/logger';
import { checkTemporal, connectTemporal, type TemporalSettings } from '@cascade/temporal';
import type { Client } from '@temporalio/client';
import { temporalReachable } from './metrics';

export interface TemporalWatch {
  /** Whether Temporal answered the latest probe; false until the first one has. */
  readonly reachable: boolean;
  /** Resolves once Temporal answers: at once while it does, else at the first probe that gets through. */
  untilReachable(): Promise<void>;
  /** Probes now (a failure of ours may be Temporal's); answers whether it answered. */
  probeNow(): Promise<boolean>;
  stop(): Promise<void>;
}

export interface TemporalWatchOptions {
  settings: TemporalSettings;
  logger: Logger;
  /** How often a reachable Temporal is probed. */
  checkEveryMs?: number;
  /** Probes of an unreachable Temporal back off from the first wait to the last. */
  backoff?: { initialMs: number; maxMs: number };
}

/**
 * Probes Temporal's frontend (getSystemInfo, on a small connection of its own) so the worker knows
 * whether it can work: while Temporal is away the SDK's workers keep retrying their polls and resume
 * by themselves, and this says so once per change of state, in the log, on the readiness endpoint and
 * in `cascade_worker_temporal_reachable`, where the SDK would log every retry.
 */
export function watchTemporal(options: TemporalWatchOptions): TemporalWatch {
  const { settings, logger, checkEveryMs = 2_000, backoff = { initialMs: 500, maxMs: 5_000 } } = options;
  let client: Client | undefined;
  let state: 'unknown' | 'reachable' | 'unreachable' = 'unknown';
  let unreachableSince = 0;
  let waitMs = backoff.initialMs;
  const waiting: Array<() => void> = [];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const probing = `probing every ${backoff.initialMs / 1000}–${backoff.maxMs / 1000} s`;

  /** Undefined when Temporal answered, else what went wrong. A failed probe drops its connection, so the next one connects afresh. */
  const probe = async (): Promise<string | undefined> => {
    try {
      client ??= await connectTemporal(settings, { connectTimeout: '2s' });
      const connected = client;
      const answer = await connected.connection.withDeadline(Date.now() + 5_000, () => checkTemporal(connected));
      if (answer.ok) return undefined;
      throw new Error(answer.error);
    } catch (error) {
      void client?.connection.close().catch(() => undefined);
      client = undefined;
      return error instanceof Error ? error.message : String(error);
    }
  };

  const record = (error: string | undefined) => {
    if (error === undefined) {
      if (state === 'unreachable') logger.info({ temporal: settings.address, downSeconds: Math.round((Date.now() - unreachableSince) / 100) / 10 }, 'Temporal answers again');
      state = 'reachable';
      waitMs = backoff.initialMs;
      for (const resolve of waiting.splice(0)) resolve();
    } else if (state !== 'unreachable') {
      const what = state === 'unknown' ? 'Temporal does not answer yet' : 'Temporal stopped answering';
      logger.warn({ temporal: settings.address, error }, `${what}; the worker waits for it, ${probing}`);
      state = 'unreachable';
      unreachableSince = Date.now();
    }
    temporalReachable.set(state === 'reachable' ? 1 : 0);
  };

  const tick = async () => {
    record(await probe());
    if (stopped) return;
    const delayMs = state === 'reachable' ? checkEveryMs : waitMs;
    if (state !== 'reachable') waitMs = Math.min(waitMs * 2, backoff.maxMs);
    timer = setTimeout(() => void tick(), delayMs);
    timer.unref();
  };
  void tick();

  return {
    get reachable() {
      return state === 'reachable';
    },
    untilReachable: () => (state === 'reachable' ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve))),
    async probeNow() {
      record(await probe());
      return state === 'reachable';
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await client?.connection.close().catch(() => undefined);
    },
  };
}

/**
 * Runs `attempt` once Temporal answers, and again whenever it fails while Temporal does not: an
 * outage is waited out, while an error Temporal itself answers (a missing namespace) is thrown.
 */
export async function whenTemporalReachable<T>(watch: TemporalWatch, attempt: () => Promise<T>, retryAfterMs = 500): Promise<T> {
  for (;;) {
    await watch.untilReachable();
    try {
      return await attempt();
    } catch (error) {
      if (await watch.probeNow()) throw error;
      await sleep(retryAfterMs);
    }
  }
}
