import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publishWithRetries } from './retrying-publisher';

// An ingestion endpoint that answers each event id's first attempts with what an outage answers.
let server: Server;
let webUrl: string;
const attempts = new Map<string, number>();
const answers = [503, 429, 202];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { id } = JSON.parse(body) as { id: string };
      const attempt = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, attempt);
      // The first attempt of every event has its connection cut, as a web server killed mid-request does.
      if (attempt === 1) return void request.socket.destroy();
      response.writeHead(answers[Math.min(attempt - 2, answers.length - 1)]!).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  webUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('sends each event again with the same id after a cut connection, a 503 and a 429, and counts it acknowledged only at its 202', async () => {
  const publication = publishWithRetries({ webUrl, apiKey: 'csk_test', tenantId: 'tenant' }, 'test', { count: 5, rate: 100, giveUpAfterMs: 30_000 });
  const result = await publication.done;

  expect(result.acknowledged).toHaveLength(5);
  expect(new Set(result.acknowledged)).toEqual(new Set(attempts.keys()));
  expect([...attempts.values()]).toEqual([4, 4, 4, 4, 4]);
  expect(Object.fromEntries(result.failedAttempts)).toEqual({ ECONNRESET: 5, 503: 5, 429: 5 });
  expect(result.refused).toEqual([]);
  expect(publication.inFlight).toBe(0);
});

/** Publishes `count` events to a server that answers every request with `status`. */
async function publishTo(status: number, count: number) {
  const answering = createServer((_request, response) => response.writeHead(status).end());
  await new Promise<void>((resolve) => answering.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(answering.address() as AddressInfo).port}`;
  try {
    return await publishWithRetries({ webUrl: url, apiKey: 'csk_test', tenantId: 'tenant' }, 'test', { count, rate: 100, giveUpAfterMs: 300 }).done;
  } finally {
    await new Promise<void>((resolve) => answering.close(() => resolve()));
  }
}

it('gives up on an event once its retries outlast the limit, without counting it acknowledged', async () => {
  const result = await publishTo(503, 2);
  expect(result.acknowledged).toEqual([]);
  expect(result.abandoned).toHaveLength(2);
});

it('does not send again an event answered with a 4xx a retry cannot change', async () => {
  const result = await publishTo(422, 2);
  expect(result.acknowledged).toEqual([]);
  expect(result.refused.map((refusal) => refusal.status)).toEqual([422, 422]);
  expect(Object.fromEntries(result.failedAttempts)).toEqual({ 422: 2 });
});
