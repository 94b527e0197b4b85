import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import { postJson } from '../bench/http-post';
import { overdueInvoice, type Target } from '../bench/e2e/load';
import { sleep } from '../bench/runs/stats';

export interface Publication {
  /** Event ids answered 202: only these count as acknowledged. */
  acknowledged: string[];
  /** Events answered with a 4xx a retry cannot change (status and id). */
  refused: Array<{ id: string; status: number }>;
  /** Events still unacknowledged when their retries ran out. */
  abandoned: string[];
  /** Attempts that were answered with something other than 202, or not at all, by what happened. */
  failedAttempts: Map<string, number>;
  seconds: number;
}

export interface RunningPublication {
  /** Requests sent and not answered yet: a web server killed now is killed mid-request. */
  readonly inFlight: number;
  readonly acknowledged: number;
  done: Promise<Publication>;
}

/** 5xx and 429 are the server's state, not the event's: a producer sends the same event again. */
const retryable = (status: number) => status >= 500 || status === 429 || status === 408;

export type SendOutcome = { kind: 'acknowledged' } | { kind: 'refused'; status: number } | { kind: 'abandoned' };

/**
 * Sends one event as a careful producer does: the same body (so the same id, which ingestion
 * answers as a duplicate when it already has it) after a connection error, a 5xx or a 429, with a
 * backoff doubling from 100 ms to 2 s, until a 202, a 4xx no retry can change, or `giveUpAfterMs`.
 * `onAttemptFailed` hears what each failed attempt got: a status, or the connection error's code.
 */
export async function sendUntilAcknowledged(
  agent: Agent,
  url: URL,
  apiKey: string,
  body: string,
  options: { giveUpAfterMs: number; onAttemptFailed?: (what: string) => void; onSending?: (sending: boolean) => void },
): Promise<SendOutcome> {
  const deadline = Date.now() + options.giveUpAfterMs;
  for (let backoffMs = 100; ; backoffMs = Math.min(backoffMs * 2, 2_000)) {
    options.onSending?.(true);
    const status = await postJson(agent, url, apiKey, body)
      .catch((error: NodeJS.ErrnoException) => error.code ?? error.message)
      .finally(() => options.onSending?.(false));
    if (status === 202) return { kind: 'acknowledged' };
    options.onAttemptFailed?.(String(status));
    if (typeof status === 'number' && !retryable(status)) return { kind: 'refused', status };
    if (Date.now() > deadline) return { kind: 'abandoned' };
    await sleep(backoffMs * (0.5 + Math.random()));
  }
}

/**
 * Publishes `count` events at `rate`/s over HTTP, each retried as `sendUntilAcknowledged` retries
 * it. An event counts as acknowledged only when a 202 was received.
 */
export function publishWithRetries(target: Target, source: string, options: { count: number; rate: number; giveUpAfterMs: number }): RunningPublication {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL('/api/v1/events', target.webUrl);
  const result: Publication = { acknowledged: [], refused: [], abandoned: [], failedAttempts: new Map(), seconds: 0 };
  let inFlight = 0;
  const failed = (what: string) => result.failedAttempts.set(what, (result.failedAttempts.get(what) ?? 0) + 1);

  async function publishOne(id: string): Promise<void> {
    const outcome = await sendUntilAcknowledged(agent, url, target.apiKey, JSON.stringify(overdueInvoice(target, source, id)), {
      giveUpAfterMs: options.giveUpAfterMs,
      onAttemptFailed: failed,
      onSending: (sending) => (inFlight += sending ? 1 : -1),
    });
    if (outcome.kind === 'acknowledged') result.acknowledged.push(id);
    else if (outcome.kind === 'refused') result.refused.push({ id, status: outcome.status });
    else result.abandoned.push(id);
  }

  const done = (async () => {
    const started = performance.now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < options.count; i += 1) {
      const wait = started + (i * 1000) / options.rate - performance.now();
      if (wait > 1) await sleep(wait);
      sends.push(publishOne(randomUUID()));
    }
    await Promise.all(sends);
    agent.destroy();
    result.seconds = (performance.now() - started) / 1000;
    return result;
  })();
  return {
    get inFlight() {
      return inFlight;
    },
    get acknowledged() {
      return result.acknowledged.length;
    },
    done,
  };
}
