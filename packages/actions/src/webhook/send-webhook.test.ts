import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionFailure } from '../define-action';
import { sendJson, startTestServer, type ReceivedRequest, type TestServer } from '../testing/http-server';
import { createTestContext } from '../testing/test-context';
import { sendWebhookHandler } from './send-webhook';
import { verifyWebhookSignature } from './signature';

const SECRET = 'whsec-test-1234';
let server: TestServer;

/** What a receiver does with Cascade's headers: verify with the shared secret. */
const verified = (request: ReceivedRequest, secret = SECRET) =>
  verifyWebhookSignature({
    secret,
    body: request.body,
    signature: request.headers['x-cascade-signature'] as string | undefined,
    timestamp: request.headers['x-cascade-timestamp'] as string | undefined,
  });

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    if (request.path === '/gone') return sendJson(response, 410, { error: 'endpoint removed' });
    if (request.path === '/down') return void response.writeHead(502).end('bad gateway');
    sendJson(response, verified(request) ? 200 : 401, { accepted: verified(request) });
  });
});
afterAll(() => server.close());

async function send(input: Record<string, unknown>, allowedPrivateHosts = ['localhost']) {
  const { context, recorded } = createTestContext({ secrets: { 'billing-hook': SECRET }, allowedPrivateHosts });
  const output = await sendWebhookHandler.run(sendWebhookHandler.input.parse(input), context);
  return { output: sendWebhookHandler.output.parse(output), context, recorded };
}

describe('webhook.send', () => {
  it('POSTs the payload signed, with the step idempotency key as delivery id, and the receiver verifies it', async () => {
    const payload = { event: 'invoice.overdue', invoiceId: 'inv_1', amount: 120 };
    const { output, context, recorded } = await send({ url: `${server.url}/hook`, payload, secret: 'billing-hook', headers: { 'X-Tenant-Ref': 'acme' } });
    expect(output).toEqual({ status: 200, deliveryId: context.idempotencyKey, body: { accepted: true } });
    expect(recorded.reveals).toEqual([{ name: 'billing-hook', destination: `${server.url}/hook` }]);

    const received = server.requests.at(-1)!;
    expect(received.method).toBe('POST');
    expect(JSON.parse(received.body)).toEqual(payload);
    expect(received.headers).toMatchObject({
      'content-type': 'application/json',
      'x-cascade-delivery': context.idempotencyKey,
      'idempotency-key': context.idempotencyKey,
      'x-tenant-ref': 'acme',
    });
    const timestamp = received.headers['x-cascade-timestamp'] as string;
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(10);
    const expected = createHmac('sha256', SECRET).update(`${timestamp}.${received.body}`).digest('hex');
    expect(received.headers['x-cascade-signature']).toBe(`sha256=${expected}`);
    expect(verified(received, 'another-secret')).toBe(false);
  });

  it('does not let extra headers replace the signature headers', async () => {
    await send({ url: `${server.url}/hook`, payload: { a: 1 }, secret: 'billing-hook', headers: { 'X-Cascade-Signature': 'sha256=forged', 'Content-Type': 'text/plain' } });
    const received = server.requests.at(-1)!;
    expect(received.headers['x-cascade-signature']).not.toBe('sha256=forged');
    expect(received.headers['content-type']).toBe('application/json');
    expect(verified(received)).toBe(true);
  });

  it('fails on a non-2xx answer, quoting it, so the step retries (or not, for a permanent 4xx)', async () => {
    const gone = await send({ url: `${server.url}/gone`, payload: {}, secret: 'billing-hook' }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(ActionFailure);
    expect((gone as ActionFailure).message).toBe(`POST ${server.url}/gone answered 410: "{\\"error\\":\\"endpoint removed\\"}"`);
    expect((gone as ActionFailure).retryable).toBe(false);
    const down = await send({ url: `${server.url}/down`, payload: {}, secret: 'billing-hook' }).catch((e: unknown) => e);
    expect((down as ActionFailure).message).toBe(`POST ${server.url}/down answered 502: "bad gateway"`);
    expect((down as ActionFailure).retryable).toBe(true);
  });

  it('follows the same address policy as http.request', async () => {
    const before = server.requests.length;
    await expect(send({ url: `${server.url}/hook`, payload: {}, secret: 'billing-hook' }, [])).rejects.toThrow(
      'Refused to connect to 127.0.0.1 (localhost resolves to it)',
    );
    expect(server.requests.length).toBe(before);
  });

  it('fails naming a missing signing secret, before sending anything', async () => {
    const before = server.requests.length;
    await expect(send({ url: `${server.url}/hook`, payload: {}, secret: 'unknown-secret' })).rejects.toThrow('The tenant has no secret named unknown-secret');
    expect(server.requests.length).toBe(before);
  });
});
