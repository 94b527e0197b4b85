import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenantWithKey } from '@/test/api';
import { MAX_SAVE_BODY_BYTES } from '../routes/workflows';
import { createRequestListener } from './fast-path';

// The web server's request listener on a real port. Requests it hands to Next are answered 299 by
// this stand-in, so a test sees which requests reach Next at all.
let server: Server;
let port: number;
const HANDED_TO_NEXT = 299;

beforeAll(async () => {
  server = createServer(createRequestListener(async (_request, response) => void response.writeHead(HANDED_TO_NEXT).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Flood {
  status: number | undefined;
  body: string;
  /** Bytes the client wrote before the server answered and closed the connection. */
  sentBytes: number;
  /** Growth of this process's resident memory (server and client) during the flood. */
  rssGrowthBytes: number;
  elapsedMs: number;
}

const MB = 1024 * 1024;

/**
 * Sends up to `totalBytes` of JSON-looking body in chunks, without a Content-Length, as fast as
 * the connection takes it, and keeps sending after an answer arrives, as a hostile client would,
 * until the server closes the connection.
 * One chunk buffer is reused, so the client itself holds no more than one chunk.
 */
function flood(path: string, headers: Record<string, string>, totalBytes: number): Promise<Flood> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const startedAt = performance.now();
  const chunk = Buffer.alloc(MB, 'x');
  chunk.write('{"padding":"');
  return new Promise((resolve) => {
    let status: number | undefined;
    let body = '';
    let sentBytes = 0;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearInterval(sampler);
      resolve({ status, body, sentBytes, rssGrowthBytes: peakRss - rssBefore, elapsedMs: Math.round(performance.now() - startedAt) });
    };
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
    const outgoing = httpRequest({ port, host: '127.0.0.1', method: 'POST', path, headers: { ...headers, 'transfer-encoding': 'chunked' } });
    outgoing.on('response', (incoming) => {
      status = incoming.statusCode;
      incoming.on('data', (data: Buffer) => (body += data.toString()));
      // No finish on the answer's end: a server that keeps reading after answering would take all 200 MB.
    });
    // Writing into a connection the server closed fails with EPIPE or ECONNRESET: the flood is over.
    outgoing.on('error', finish);
    outgoing.on('close', finish);
    const write = () => {
      while (!finished && !outgoing.destroyed && sentBytes < totalBytes) {
        sentBytes += chunk.length;
        if (!outgoing.write(chunk)) return void outgoing.once('drain', write);
      }
      if (sentBytes >= totalBytes && !finished) outgoing.end();
    };
    write();
  });
}

/**
 * Bounds that tell a bounded server from one that reads the 200 MB body (whole RSS, which the
 * test shares with the server, grows by 30–70 MB on a busy machine either way), and one that closes
 * the connection after its 1 s drain from one that holds it until a timeout (6.6 s before).
 */
const FLAT_MEMORY_BYTES = 100 * MB;
const CLOSED_WITHIN_MS = 4_000;

const report = (what: string, result: Flood) =>
  console.log(
    `${what}: ${result.status} after ${(result.sentBytes / MB).toFixed(0)} MB sent of 200 MB in ${result.elapsedMs} ms; ` +
      `RSS growth ${(result.rssGrowthBytes / MB).toFixed(1)} MB`,
  );

describe('a chunked body past the limit', () => {
  it('is refused with 413 on POST /api/v1/events without reading it whole, memory staying flat', async () => {
    const { apiKey } = await createTenantWithKey(['events:publish']);
    const result = await flood('/api/v1/events', { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, 200 * MB);
    report('POST /api/v1/events, 200 MB chunked', result);
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ status: 413, detail: expect.stringMatching(/^The body exceeds the limit of \d+ bytes$/) });
    // The limit is 5 MB: what the client got to send beyond it sat in socket buffers, not in the server.
    expect(result.sentBytes).toBeLessThan(50 * MB);
    expect(result.rssGrowthBytes).toBeLessThan(FLAT_MEMORY_BYTES);
    // The server closes the connection once it has answered, rather than holding it until a timeout.
    expect(result.elapsedMs).toBeLessThan(CLOSED_WITHIN_MS);
  });

  it('is refused with 413 on another JSON route (POST /api/v1/workflows) the same way', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:write']);
    const result = await flood('/api/v1/workflows', { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, 200 * MB);
    report('POST /api/v1/workflows, 200 MB chunked', result);
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ status: 413, detail: `The body exceeds the limit of ${MAX_SAVE_BODY_BYTES} bytes` });
    expect(result.sentBytes).toBeLessThan(50 * MB);
    expect(result.rssGrowthBytes).toBeLessThan(FLAT_MEMORY_BYTES);
    // The server closes the connection once it has answered, rather than holding it until a timeout.
    expect(result.elapsedMs).toBeLessThan(CLOSED_WITHIN_MS);
  });
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ port, host: '127.0.0.1', method, path, headers }, (incoming) => {
      let body = '';
      incoming.on('data', (data: Buffer) => (body += data.toString()));
      incoming.on('end', () => resolve({ status: incoming.statusCode!, headers: incoming.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('methods a route does not support', () => {
  it('TRACE is answered 405 with Allow on API routes and pages alike, never 500', async () => {
    const events = await send('TRACE', '/api/v1/events');
    expect(events).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD, OPTIONS, POST', 'content-type': 'application/problem+json' } });
    expect(JSON.parse(events.body)).toMatchObject({ status: 405, title: 'Method Not Allowed' });
    expect(await send('TRACE', `/api/v1/workflows/${randomUUID()}`)).toMatchObject({ status: 405, headers: { allow: 'DELETE, GET, HEAD, OPTIONS, PUT' } });
    expect(await send('TRACE', '/workflows')).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD, POST' } });
  });

  it('an unsupported method on an API route is 405 with the methods it has; unknown API paths stay 404', async () => {
    expect(await send('DELETE', '/api/v1/events')).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD, OPTIONS, POST' } });
    expect(await send('PATCH', `/api/v1/workflows/${randomUUID()}/publish`)).toMatchObject({ status: 405, headers: { allow: 'OPTIONS, POST' } });
    expect(await send('PUT', '/api/health')).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD, OPTIONS' } });
    expect((await send('GET', '/api/v1/nothing-here')).status).toBe(404);
  });

  it('OPTIONS names the methods; HEAD answers as GET without a body', async () => {
    expect(await send('OPTIONS', '/api/v1/secrets/crm_token')).toMatchObject({ status: 204, headers: { allow: 'DELETE, OPTIONS, PATCH, PUT' } });
    const head = await send('HEAD', '/api/health');
    expect(head).toMatchObject({ status: 200, body: '', headers: { 'content-type': 'application/json' } });
  });

  it('pages and Next’s own API files are still Next’s', async () => {
    expect((await send('GET', '/workflows')).status).toBe(HANDED_TO_NEXT);
    expect((await send('POST', '/workflows/x')).status).toBe(HANDED_TO_NEXT); // server actions post to the page
    expect((await send('GET', '/api/v1/openapi.json')).status).toBe(HANDED_TO_NEXT);
  });
});
