import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the target saw: each request by its Idempotency-Key, and the effects it performed once per key. */
export interface TargetRecord {
  requests: number;
  /** Requests that carried no Idempotency-Key (each would be an effect of its own). */
  withoutKey: number;
  /** Requests whose key the target had already acted on: it answered them without acting again. */
  repeatedKeys: number;
  /** Source event id → the keys the target acted on for it; more than one is a duplicated effect. */
  effectsByEvent: Map<string, Set<string>>;
}

export interface SideEffectTarget {
  url: string;
  /** Host and port, for the worker's ALLOWED_PRIVATE_HOSTS. */
  host: string;
  record: TargetRecord;
  /** Requests received and not answered yet: their effect is done, their answer still to come. */
  readonly inFlight: number;
  close(): Promise<void>;
}

/**
 * The system a workflow's http.request acts on: it records every POST and honours Idempotency-Key,
 * acting once per key and answering a repeat with the first answer, as a target that dedupes does.
 * Each answer is held back up to `maxDelayMs`, so a worker killed at a random moment is sometimes
 * killed while its request is in flight (the effect done, the answer not yet seen).
 */
export async function startSideEffectTarget(options: { maxDelayMs: number }): Promise<SideEffectTarget> {
  const record: TargetRecord = { requests: 0, withoutKey: 0, repeatedKeys: 0, effectsByEvent: new Map() };
  const answered = new Map<string, string>();
  let inFlight = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      record.requests += 1;
      const key = request.headers['idempotency-key'];
      const eventId = eventIdOf(Buffer.concat(chunks).toString());
      let answer: string;
      if (typeof key !== 'string') {
        record.withoutKey += 1;
        answer = JSON.stringify({ eventId, receipt: `no-key-${record.requests}` });
      } else if (answered.has(key)) {
        record.repeatedKeys += 1;
        answer = answered.get(key)!;
      } else {
        answer = JSON.stringify({ eventId, receipt: key });
        answered.set(key, answer);
        const keys = record.effectsByEvent.get(eventId) ?? new Set<string>();
        record.effectsByEvent.set(eventId, keys.add(key));
      }
      inFlight += 1;
      setTimeout(() => {
        inFlight -= 1;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(answer);
      }, Math.random() * options.maxDelayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/effects`,
    host: `127.0.0.1:${port}`,
    record,
    get inFlight() {
      return inFlight;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The source event id the workflow put in the body; "unknown" for a body that names none. */
function eventIdOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { eventId?: unknown };
    return typeof parsed.eventId === 'string' ? parsed.eventId : 'unknown';
  } catch {
    return 'unknown';
  }
}
