import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import { postJson } from '../http-post';
import { sleep } from '../runs/stats';

/** Where events are posted, and what tells one phase's events apart (their `source`). */
export interface Target {
  webUrl: string;
  apiKey: string;
  tenantId: string;
}

export interface Sent {
  accepted: number;
  refused: number;
  /** Per accepted event, from when it was due to be sent to its 202 (open loop) or from its send (flood). */
  latencies: number[];
  seconds: number;
}

/** An overdue invoice whose amount the bench workflow's condition checks; `source` names the phase. */
export function overdueInvoice(target: Target, source: string, id: string = randomUUID()) {
  return {
    id,
    type: 'INVOICE_OVERDUE',
    source,
    data: {
      tenantId: target.tenantId,
      invoiceId: randomUUID(),
      clientId: randomUUID(),
      overdueAt: '2026-04-01T00:05:00Z',
      dueDate: '2026-03-31',
      amountDue: 482500,
      currency: 'USD',
      daysOverdue: 1,
    },
  };
}

const endpoint = (target: Target) => new URL('/api/v1/events', target.webUrl);

/**
 * An open-loop client: event i is sent at start + i / rate whether or not earlier ones were
 * answered, as independent producers would send them. Its 202 latency counts from when it was due,
 * so a server that falls behind is not hidden by a client that slows down with it.
 */
export async function sendAtRate(target: Target, source: string, rate: number, seconds: number): Promise<Sent> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const url = endpoint(target);
  const total = Math.max(1, Math.round(rate * seconds));
  const latencies: number[] = [];
  let refused = 0;
  const started = performance.now();
  const requests: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const body = JSON.stringify(overdueInvoice(target, source));
    requests.push(
      postJson(agent, url, target.apiKey, body).then(
        (status) => (status === 202 ? void latencies.push(performance.now() - due) : void (refused += 1)),
        () => void (refused += 1),
      ),
    );
  }
  await Promise.all(requests);
  agent.destroy();
  // The schedule's length, not the last answer's: accepted/s then reads as the rate offered.
  return { accepted: latencies.length, refused, latencies, seconds: total / rate };
}

/** An unbounded flood: `connections` clients each posting the next event as soon as the last was answered. */
export async function flood(target: Target, source: string, connections: number, seconds: number): Promise<Sent> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const url = endpoint(target);
  const latencies: number[] = [];
  let refused = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const sentAt = performance.now();
        const status = await postJson(agent, url, target.apiKey, JSON.stringify(overdueInvoice(target, source))).catch(() => 0);
        if (status === 202) latencies.push(performance.now() - sentAt);
        else refused += 1;
      }
    }),
  );
  agent.destroy();
  return { accepted: latencies.length, refused, latencies, seconds: (performance.now() - started) / 1000 };
}

/**
 * The stack's capacity: `lanes` clients each post an event and post the next once its run has
 * completed, so the runs in flight never exceed `lanes` and nothing queues up. Answers completed
 * runs/s over `seconds` after `warmupSeconds`.
 */
export async function closedLoopCapacity(
  target: Target,
  source: string,
  options: { lanes: number; seconds: number; warmupSeconds: number; completed: (ids: string[]) => Promise<Set<string>> },
): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.lanes });
  const url = endpoint(target);
  const waiting = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  const started = performance.now();
  const countFrom = started + options.warmupSeconds * 1000;
  const deadline = countFrom + options.seconds * 1000;
  let counted = 0;
  let polling = true;
  // One query for every lane's run, rather than one poller per lane.
  const poller = (async () => {
    while (polling) {
      const done = waiting.size ? await options.completed([...waiting.keys()]) : new Set<string>();
      for (const id of done) {
        waiting.get(id)?.resolve();
        waiting.delete(id);
      }
      if (performance.now() > deadline + 60_000) {
        for (const lane of waiting.values()) lane.reject(new Error('a capacity probe run did not complete within a minute'));
        waiting.clear();
      }
      await sleep(10);
    }
  })();
  const lanes = Promise.all(
    Array.from({ length: options.lanes }, async () => {
      while (performance.now() < deadline) {
        const event = overdueInvoice(target, source);
        const finished = new Promise<void>((resolve, reject) => waiting.set(event.id, { resolve, reject }));
        const status = await postJson(agent, url, target.apiKey, JSON.stringify(event));
        if (status !== 202) throw new Error(`the capacity probe's event was answered ${status}`);
        await finished;
        const now = performance.now();
        if (now >= countFrom && now < deadline) counted += 1;
      }
    }),
  );
  await lanes.finally(() => (polling = false));
  await poller;
  agent.destroy();
  return counted / options.seconds;
}
