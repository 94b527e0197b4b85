import { createDatabase } from '@cascade/db';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callRoute, createSignedInUser, createTenantWithKey } from '@/test/api';
import { defineRoute } from './define-route';
import { listRoundtrips, startRoundtrip } from '../routes/diagnostics';
import { createWorkflow } from '../routes/workflows';

describe('defineRoute: answering bad requests precisely', () => {
  it('401 without credentials and for an unknown key', async () => {
    expect((await callRoute(listRoundtrips, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    const response = await callRoute(listRoundtrips, { headers: { authorization: 'Basic abc' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ detail: 'The Authorization header must read "Bearer <api key>"' });
  });

  it('a signed-in user by the session cookie, with the scopes of their role; 401 with neither key nor session', async () => {
    const { tenantId } = await createTenantWithKey([]);
    const cookie = `other=1; ${(await createSignedInUser(tenantId, 'VIEWER')).cookie}`;
    expect((await callRoute(listRoundtrips, { headers: { cookie } })).status).toBe(200);
    const write = await callRoute(startRoundtrip, { headers: { cookie }, body: { message: 'x' } });
    expect(await write.json()).toMatchObject({ status: 403, detail: 'This user lacks the scope "workflows:write"' });
    expect((await callRoute(listRoundtrips)).status).toBe(401);
  });

  it('403 when the key lacks the scope, naming it', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read']);
    const response = await callRoute(startRoundtrip, { apiKey, body: { message: 'x' } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ status: 403, detail: 'This API key lacks the scope "workflows:write"' });
  });

  it('415 for a body that is not JSON, 400 for broken JSON, 413 past the size limit', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:write']);
    const text = await callRoute(startRoundtrip, { apiKey, rawBody: 'message=x', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const broken = await callRoute(startRoundtrip, { apiKey, rawBody: '{"message":', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect((await broken.json()).detail).toMatch(/^The body is not valid JSON/);
    const huge = await callRoute(startRoundtrip, { apiKey, body: { message: 'x'.repeat(2 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
  });

  it('413 for a streamed body past the limit, read only up to the limit', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:write']);
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 200 * chunk.length) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
    const request = new Request('http://test/api/v1/workflows', { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
    const response = await createWorkflow.handler(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(413);
    // 200 MB offered; the 1 MB limit, a chunk past it, and what the stream buffers ahead were taken.
    expect(pulled).toBeLessThan(4 * chunk.length);
  });

  it('400 with every schema problem addressed by its path', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:write', 'workflows:read']);
    const response = await callRoute(startRoundtrip, { apiKey, body: { message: '' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      status: 400,
      errors: [{ path: '/body/message', message: expect.stringContaining('>=1 characters') }],
    });
    const query = await callRoute(listRoundtrips, { apiKey, query: 'limit=1000' });
    expect(query.status).toBe(400);
    expect((await query.json()).errors[0].path).toBe('/query/limit');
  });
});

describe('tenancy', () => {
  it('a key of tenant A never sees the roundtrips of tenant B', async () => {
    const a = await createTenantWithKey(['admin']);
    const b = await createTenantWithKey(['admin']);
    const started = await callRoute(startRoundtrip, { apiKey: b.apiKey, body: { message: 'secret of B' } });
    expect(started.status).toBe(202);
    const seenByA = (await (await callRoute(listRoundtrips, { apiKey: a.apiKey })).json()) as { items: unknown[] };
    expect(seenByA.items).toEqual([]);
    const seenByB = (await (await callRoute(listRoundtrips, { apiKey: b.apiKey })).json()) as { items: Array<{ message: string }> };
    expect(seenByB.items.map((i) => i.message)).toEqual(['secret of B']);
  });
});

describe('defineRoute: while the database is unreachable', () => {
  it('answers 503 with Retry-After, not 500, and a problem saying so', async () => {
    // A database nobody listens for (port 1): the very error a stopped PostgreSQL gives.
    const gone = createDatabase('postgresql://cascade:x@127.0.0.1:1/cascade');
    const readsGone = defineRoute({
      method: 'GET', path: '/api/test/gone', operationId: 'readsGone', summary: 'Reads an unreachable database', tags: ['Test'], scope: null,
      response: { status: 200, description: 'Never', schema: z.object({}) },
      handle: async () => (await gone.tenant.count(), {}),
    });
    const response = await callRoute(readsGone);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({ status: 503, title: 'Service Unavailable', detail: 'The database is unreachable; try again shortly' });
    await gone.$disconnect();
  });
});

