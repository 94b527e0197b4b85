import { evaluateExpression } from './evaluate';

/**
 * How long a trigger filter may run over one event where every tenant's filters share an event
 * loop (the dispatcher's). Ordinary ones take microseconds.
 */
export const TRIGGER_FILTER_TIMEOUT_MS = 1_000;

/** What a trigger's filter made of one event: a run starts only when it matched. */
export type FilterVerdict = { outcome: 'matched' } | { outcome: 'filtered-out' } | { outcome: 'failed'; error: string };

/**
 * A trigger filter's verdict on an event envelope, as the dispatcher decides whether to start a
 * run: any value JavaScript holds true matches; an error (or running past `timeoutMs`) is a
 * failure, which starts no run either.
 */
export async function triggerFilterVerdict(filter: string, event: unknown, { timeoutMs = TRIGGER_FILTER_TIMEOUT_MS, now = Date.now() } = {}): Promise<FilterVerdict> {
  try {
    return (await evaluateExpression(filter, { event }, { now, timeoutMs })) ? { outcome: 'matched' } : { outcome: 'filtered-out' };
  } catch (error) {
    return { outcome: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}
