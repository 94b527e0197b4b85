import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callRoute, createSignedInUser, createTenantWithKey } from '@/test/api';
import { webEnv } from '@/env.server';
import { db } from '@/server/services';
import { webMetrics } from '../metrics';
import { publishEvents } from '../routes/events';
import { createRequestListener } from './fast-path';

// The web server's own request listener on a real port. Next needs a production build, which the
// e2e suite runs; here a request handed to Next fails the test instead.
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer(createRequestListener(() => Promise.reject(new Error('handed to Next, not answered on the fast path'))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Sent {
  headers?: Record<string, string>;
  body?: string;
  /** Sends the body in these pieces, chunked, without a Content-Length. */
  chunks?: string[];
  query?: string;
}

interface Answer {
  status: number;
  contentType: string | undefined;
  body: unknown;
}

/** POST /api/v1/events over HTTP to the fast path. */
function postFast(sent: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const path = `/api/v1/events${sent.query ? `?${sent.query}` : ''}`;
    const headers = { ...sent.headers, ...(sent.body !== undefined ? { 'content-length': String(Buffer.byteLength(sent.body)) } : {}) };
    const outgoing = httpRequest({ port, host: '127.0.0.1', method: 'POST', path, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: incoming.statusCode!, contentType: incoming.headers['content-type'], body: text && JSON.parse(text) });
      });
    });
    // The server may answer (413) before it has read the whole body; what it did not read is its to discard.
    outgoing.on('error', reject);
    for (const chunk of sent.chunks ?? []) outgoing.write(chunk);
    outgoing.end(sent.body);
  });
}

/** The same request through the route's Next handler, as Next calls it. */
async function postNext(sent: Sent): Promise<Answer> {
  const body = sent.body ?? sent.chunks?.join('');
  const response = await callRoute(publishEvents, { rawBody: body, headers: sent.headers, query: sent.query });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? undefined, body: text && JSON.parse(text) };
}

/** Sends `sent` both ways and expects the same answer, which it returns. */
async function answeredAlike(sent: Sent): Promise<Answer> {
  const [fast, next] = [await postFast(sent), await postNext(sent)];
  expect(fast).toEqual(next);
  return fast;
}

const json = { 'content-type': 'application/json' };
const bearer = (apiKey: string) => ({ ...json, authorization: `Bearer ${apiKey}` });

const breach = (id = randomUUID()) => ({
  id,
  type: 'TICKET_SLA_STAGE_BREACHED',
  source: 'psa',
  data: {
    tenantId: 'psa-1',
    ticketId: 'T-1',
    slaPolicyId: 'SLA-1',
    stage: 'resolution',
    breachedAt: '2026-11-23T08:00:00Z',
    targetAt: '2026-11-23T07:00:00Z',
    overdueBySeconds: 3600,
  },
});

const publisher = () => createTenantWithKey(['events:publish']);

describe('the fast path answers POST /api/v1/events as the Next route does', () => {
  it('202 for an event, and a duplicate for its redelivery through the other path', async () => {
    const { apiKey } = await publisher();
    const [viaFast, viaNext] = [breach(), breach()];
    const fast = await postFast({ headers: bearer(apiKey), body: JSON.stringify(viaFast) });
    const next = await postNext({ headers: bearer(apiKey), body: JSON.stringify(viaNext) });
    expect(fast).toEqual({ status: 202, contentType: 'application/json', body: { accepted: [{ index: 0, id: viaFast.id, duplicate: false }], rejected: [] } });
    expect(next).toEqual({ ...fast, body: { accepted: [{ index: 0, id: viaNext.id, duplicate: false }], rejected: [] } });
    expect(await answeredAlike({ headers: bearer(apiKey), body: JSON.stringify(viaFast) })).toMatchObject({ body: { accepted: [{ duplicate: true }] } });
  });

  it('reads a body with a byte order mark, and a chunked one, as Next does', async () => {
    const { apiKey } = await publisher();
    const event = JSON.stringify(breach());
    expect(await postFast({ headers: bearer(apiKey), body: `\uFEFF${event}` })).toMatchObject({ status: 202, body: { accepted: [{ duplicate: false }] } });
    const other = JSON.stringify(breach());
    expect(await postFast({ headers: bearer(apiKey), chunks: [other.slice(0, 40), other.slice(40)] })).toMatchObject({ status: 202, body: { accepted: [{ duplicate: false }] } });
    const duplicate = { status: 202, body: { accepted: [{ duplicate: true }] } };
    expect(await answeredAlike({ headers: bearer(apiKey), body: `\uFEFF${event}` })).toMatchObject(duplicate);
    expect(await answeredAlike({ headers: bearer(apiKey), chunks: [event.slice(0, 40), event.slice(40)] })).toMatchObject(duplicate);
  });

  it('401 without credentials, for a malformed header and for an unknown key', async () => {
    expect(await answeredAlike({ headers: json, body: JSON.stringify(breach()) })).toMatchObject({ status: 401, contentType: 'application/problem+json' });
    expect((await answeredAlike({ headers: { ...json, authorization: 'Basic abc' }, body: '{}' })).status).toBe(401);
    expect((await answeredAlike({ headers: bearer('csk_unknown0_nope'), body: '{}' })).status).toBe(401);
  });

  it('403 for a key without the publish scope and for a restricted namespace', async () => {
    const reader = await createTenantWithKey(['workflows:read']);
    expect((await answeredAlike({ headers: bearer(reader.apiKey), body: JSON.stringify(breach()) })).status).toBe(403);
    const { apiKey } = await publisher();
    const money = { type: 'money.wallet.debited', source: 'shop', data: { tenantId: 't', txId: 'x', userId: 'u', amountCents: 1, currency: 'USD' } };
    expect(await answeredAlike({ headers: bearer(apiKey), body: JSON.stringify(money) })).toMatchObject({ status: 403, body: { detail: expect.stringContaining('money') } });
  });

  it('400 for broken JSON and for an envelope that fails its schema, with JSON paths', async () => {
    const { apiKey } = await publisher();
    expect(await answeredAlike({ headers: bearer(apiKey), body: '{"type":' })).toMatchObject({ status: 400, body: { detail: expect.stringMatching(/^The body is not valid JSON/) } });
    const incomplete = await answeredAlike({ headers: bearer(apiKey), body: JSON.stringify({ source: 'psa' }) });
    expect(incomplete).toMatchObject({ status: 400, body: { errors: [{ path: '/type', expected: 'string' }, { path: '/data', expected: 'object' }] } });
    expect(await answeredAlike({ headers: bearer(apiKey), body: '5' })).toMatchObject({ status: 400, body: { errors: [{ path: '', expected: 'object' }] } });
    const invalid = await answeredAlike({ headers: bearer(apiKey), body: JSON.stringify({ ...breach(), id: 'not-a-uuid' }) });
    expect(invalid).toMatchObject({ status: 400, contentType: 'application/problem+json', body: { errors: [expect.objectContaining({ path: '/id' })] } });
    const atomic = await answeredAlike({ headers: bearer(apiKey), query: 'atomic=true', body: JSON.stringify([breach(), { type: 'TICKET_SLA_STAGE_BREACHED' }]) });
    expect(atomic).toMatchObject({ status: 400, body: { detail: expect.stringMatching(/^Nothing was stored: item 1/) } });
  });

  it('413 for a body over the limit, declared or chunked, and for a batch over 1,000 events', async () => {
    const { apiKey } = await publisher();
    const limit = webEnv().MAX_EVENT_BODY_BYTES;
    const huge = JSON.stringify({ ...breach(), padding: 'x'.repeat(limit) });
    expect(await answeredAlike({ headers: bearer(apiKey), body: huge })).toMatchObject({ status: 413, body: { detail: `The body exceeds the limit of ${limit} bytes` } });
    expect((await answeredAlike({ headers: bearer(apiKey), chunks: [huge.slice(0, limit / 2), huge.slice(limit / 2)] })).status).toBe(413);
    const batch = JSON.stringify(Array.from({ length: 1001 }, () => ({})));
    expect(await answeredAlike({ headers: bearer(apiKey), body: batch })).toMatchObject({ status: 413, body: { detail: expect.stringContaining('at most 1000') } });
  });

  it('415 for a body that is not JSON', async () => {
    const { apiKey } = await publisher();
    expect(await answeredAlike({ headers: { ...bearer(apiKey), 'content-type': 'text/plain' }, body: 'type=x' })).toMatchObject({ status: 415, contentType: 'application/problem+json' });
  });

  it('422 for a payload that fails the catalog schema, with each JSON path', async () => {
    const { apiKey } = await publisher();
    const event = breach();
    const answer = await answeredAlike({ headers: bearer(apiKey), body: JSON.stringify({ ...event, data: { ...event.data, overdueBySeconds: 'long' } }) });
    expect(answer).toMatchObject({ status: 422, body: { errors: [expect.objectContaining({ path: '/data/overdueBySeconds', expected: expect.any(String) })] } });
  });

  it('400 for text PostgreSQL cannot store, naming its JSON path: NUL in a value or a key, a lone surrogate', async () => {
    const { apiKey } = await publisher();
    const event = breach();
    const sent = [
      { ...event, data: { ...event.data, ticketId: 'T-\u0000-1' } },
      { ...event, data: { ...event.data, 'note\u0000': 'x' } },
      { ...event, data: { ...event.data, ticketId: '\uD800' } },
      { ...event, correlationId: 'c\u0000' },
      { ...event, metadata: { tags: [{ deep: 'ok', 'k\u0000': 'v\u0000' }] } },
    ];
    const answers = [];
    for (const body of sent) answers.push(await answeredAlike({ headers: bearer(apiKey), body: JSON.stringify(body) }));
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 400]);
    const paths = answers.map((answer) => (answer.body as { errors: Array<{ path: string }> }).errors.map((error) => error.path));
    expect(paths).toEqual([['/data/ticketId'], ['/data/note\u0000'], ['/data/ticketId'], ['/correlationId'], ['/metadata/tags/0/k\u0000', '/metadata/tags/0/k\u0000']]);
    expect(answers[2]).toMatchObject({ body: { errors: [{ message: expect.stringContaining('lone UTF-16 surrogate'), expected: expect.any(String) }] } });
    expect(await db().event.count({ where: { id: event.id } })).toBe(0);
  });

  it('stores the events of concurrent callers while one of them sends text PostgreSQL cannot store', async () => {
    const { apiKey } = await publisher();
    const good = Array.from({ length: 24 }, () => breach());
    const bad = { ...breach(), data: { ...breach().data, ticketId: '\u0000' } };
    const answers = await Promise.all(
      [...good.slice(0, 12), bad, ...good.slice(12)].map((event) => postFast({ headers: bearer(apiKey), body: JSON.stringify(event) })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([...Array(12).fill(202), 400, ...Array(12).fill(202)]);
    expect(await db().event.count({ where: { id: { in: good.map((event) => event.id) } } })).toBe(24);
  });

  it('authenticates a signed-in user by the session cookie, by role', async () => {
    const { tenantId } = await publisher();
    const cookie = async (role: 'EDITOR' | 'VIEWER') => `theme=dark; ${(await createSignedInUser(tenantId, role)).cookie}`;
    const editor = await cookie('EDITOR');
    const fast = await postFast({ headers: { ...json, cookie: editor }, body: JSON.stringify(breach()) });
    expect(fast.status).toBe(202);
    expect((await postNext({ headers: { ...json, cookie: editor }, body: JSON.stringify(breach()) })).status).toBe(202);
    expect((await answeredAlike({ headers: { ...json, cookie: await cookie('VIEWER') }, body: JSON.stringify(breach()) })).status).toBe(403);
    expect((await answeredAlike({ headers: { ...json, cookie: 'cascade_session=Fe26.2*forged' }, body: '{}' })).status).toBe(401);
  });

  it('counts its answers in the web app’s metrics', async () => {
    const count = async () =>
      (await webMetrics().httpRequests.get()).values.find((v) => v.labels.route === '/api/v1/events' && v.labels.status === 401)?.value ?? 0;
    const before = await count();
    await postFast({ headers: json, body: '{}' });
    expect(await count()).toBe(before + 1);
  });
});
