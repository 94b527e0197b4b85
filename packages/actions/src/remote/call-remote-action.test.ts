import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionFailure } from '../define-action';
import { sendJson, startTestServer, type TestServer } from '../testing/http-server';
import { createTestContext } from '../testing/test-context';
import { verifyWebhookSignature } from '../webhook/signature';
import { callRemoteAction } from './call-remote-action';

const SECRET = 'remote-signing-secret';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    const call = JSON.parse(request.body) as { input: { sku?: string } };
    switch (request.path) {
      case '/reserve': {
        const signed = verifyWebhookSignature({
          secret: SECRET,
          body: request.body,
          signature: request.headers['x-cascade-signature'] as string | undefined,
          timestamp: request.headers['x-cascade-timestamp'] as string | undefined,
        });
        return signed ? sendJson(response, 200, { output: { reserved: call.input.sku, quantity: 3 } }) : sendJson(response, 401, { error: 'bad signature' });
      }
      case '/unsigned':
        return sendJson(response, 200, { output: { signature: request.headers['x-cascade-signature'] ?? null } });
      case '/null-output':
        return sendJson(response, 200, { output: null });
      case '/crash':
        return sendJson(response, 500, { error: 'database unavailable' });
      case '/invalid':
        return sendJson(response, 422, { error: 'sku is unknown' });
      case '/html':
        return void response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Welcome</h1>');
      default:
        return sendJson(response, 200, { result: 'no output field' });
    }
  });
});
afterAll(() => server.close());

const remote = (path: string, signingSecret: string | null = 'erp-signing') => ({ actionId: 'acme.reserve_stock', endpoint: `${server.url}${path}`, signingSecret });
const context = (allowedPrivateHosts = ['localhost']) => createTestContext({ secrets: { 'erp-signing': SECRET }, allowedPrivateHosts }).context;

describe('callRemoteAction', () => {
  it('POSTs the call signed like a webhook and returns the output it answers', async () => {
    const ctx = context();
    const output = await callRemoteAction(remote('/reserve'), { sku: 'SKU-1' }, ctx);
    expect(output).toEqual({ reserved: 'SKU-1', quantity: 3 });
    const received = server.requests.at(-1)!;
    expect(JSON.parse(received.body)).toEqual({
      actionId: 'acme.reserve_stock',
      input: { sku: 'SKU-1' },
      tenantId: ctx.tenantId,
      runId: ctx.runId,
      idempotencyKey: ctx.idempotencyKey,
    });
    expect(received.headers['x-cascade-delivery']).toBe(ctx.idempotencyKey);
    expect(received.headers['idempotency-key']).toBe(ctx.idempotencyKey);
  });

  it('sends unsigned when the action has no signing secret, and passes a null output through', async () => {
    expect(await callRemoteAction(remote('/unsigned', null), {}, context())).toEqual({ signature: null });
    expect(await callRemoteAction(remote('/null-output'), {}, context())).toBeNull();
  });

  it('fails saying what came back: the status and body of a non-2xx answer', async () => {
    const crash = await callRemoteAction(remote('/crash'), {}, context()).catch((e: unknown) => e);
    expect(crash).toBeInstanceOf(ActionFailure);
    expect((crash as ActionFailure).message).toBe(
      `Remote action acme.reserve_stock: POST ${server.url}/crash answered 500: "{\\"error\\":\\"database unavailable\\"}"`,
    );
    expect((crash as ActionFailure).retryable).toBe(true);
    const invalid = await callRemoteAction(remote('/invalid'), {}, context()).catch((e: unknown) => e);
    expect((invalid as ActionFailure).retryable).toBe(false);
  });

  it('fails on an answer that is not JSON or has no output field', async () => {
    await expect(callRemoteAction(remote('/html'), {}, context())).rejects.toThrow(
      `Remote action acme.reserve_stock: ${server.url}/html answered 200 with a body that is not JSON: "<h1>Welcome</h1>"`,
    );
    await expect(callRemoteAction(remote('/other'), {}, context())).rejects.toThrow(
      `Remote action acme.reserve_stock: ${server.url}/other answered 200 without an "output" field: "{\\"result\\":\\"no output field\\"}"`,
    );
  });

  it('keeps to the address policy, and says when the endpoint is no URL', async () => {
    await expect(callRemoteAction({ ...remote('/reserve'), endpoint: `https://localhost:${server.port}/reserve` }, {}, context([]))).rejects.toThrow(
      'Remote action acme.reserve_stock: Refused to connect to 127.0.0.1 (localhost resolves to it)',
    );
    await expect(callRemoteAction(remote('/reserve'), {}, context([]))).rejects.toThrow(
      `Remote action acme.reserve_stock: Refused to connect to 127.0.0.1 (localhost resolves to it) for ${server.url}: it is a loopback address`,
    );
    await expect(callRemoteAction({ ...remote('/'), endpoint: 'not a url' }, {}, context())).rejects.toThrow(
      'Remote action acme.reserve_stock: endpoint "not a url" is not a URL',
    );
  });
});
