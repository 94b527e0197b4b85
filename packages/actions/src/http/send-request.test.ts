import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionFailure } from '../define-action';
import { sendJson, startTestServer, type TestServer } from '../testing/http-server';
import { createTestContext } from '../testing/test-context';
import { sendRequestHandler } from './send-request';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    const { pathname } = new URL(request.path, 'http://test');
    if (pathname === '/text') return void response.writeHead(200, { 'content-type': 'text/plain' }).end('plain words');
    if (pathname === '/missing') return sendJson(response, 404, { error: 'no such invoice' });
    if (pathname === '/busy') return sendJson(response, 503, { error: 'try later' });
    if (pathname === '/empty') return void response.writeHead(204).end();
    sendJson(response, 201, { received: request.body || null }, { 'x-request-id': 'req-1' });
  });
});
afterAll(() => server.close());

const SECRETS = { 'crm-token': 's3cret-token', 'crm-key': 'k3y-value' };

async function run(input: Record<string, unknown>, options: { allowedPrivateHosts?: string[] } = {}) {
  const { context, recorded } = createTestContext({ secrets: SECRETS, allowedPrivateHosts: options.allowedPrivateHosts ?? ['localhost'] });
  const output = await sendRequestHandler.run(sendRequestHandler.input.parse(input), context);
  return { output: sendRequestHandler.output.parse(output), recorded, context };
}

describe('http.request', () => {
  it('sends method, query, headers and a JSON body, and returns status, headers and the parsed body', async () => {
    const { output, recorded, context } = await run({
      method: 'POST',
      url: `${server.url}/invoices?existing=1`,
      query: { page: 2, tags: ['a', 'b'] },
      headers: { 'X-Trace': 'abc' },
      body: { invoiceId: 'inv_1', amount: 12.5 },
    });
    expect(output).toEqual({
      status: 201,
      headers: expect.objectContaining({ 'content-type': 'application/json', 'x-request-id': 'req-1' }) as unknown,
      body: { received: '{"invoiceId":"inv_1","amount":12.5}' },
      url: `${server.url}/invoices?existing=1&page=2&tags=a&tags=b`,
    });
    const received = server.requests.at(-1)!;
    expect(received).toMatchObject({ method: 'POST', path: '/invoices?existing=1&page=2&tags=a&tags=b' });
    expect(received.headers).toMatchObject({ 'content-type': 'application/json', 'x-trace': 'abc', 'user-agent': 'Cascade-Workflows/1', 'idempotency-key': context.idempotencyKey });
    expect(recorded.logs).toEqual([[`POST ${server.url}/invoices answered 201`, { status: 201 }]]);
  });

  it('sends the step’s idempotency key unless the node sets the header itself', async () => {
    await run({ method: 'POST', url: `${server.url}/orders`, headers: { 'Idempotency-Key': 'order-42' }, body: { a: 1 } });
    expect(server.requests.at(-1)!.headers['idempotency-key']).toBe('order-42');
  });

  it('sends a string body as text, and reads text responses as text', async () => {
    const { output } = await run({ method: 'PUT', url: `${server.url}/notes`, body: 'hello' });
    expect(server.requests.at(-1)!.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(output.body).toEqual({ received: 'hello' });
    expect((await run({ url: `${server.url}/text` })).output.body).toBe('plain words');
    expect((await run({ url: `${server.url}/empty` })).output).toMatchObject({ status: 204, body: null });
  });

  it('puts secrets in the request only: they reach the server but never the output or the log', async () => {
    const { output, recorded } = await run({
      url: `${server.url}/secure`,
      headers: { Authorization: 'Basic plain-would-be-replaced' },
      auth: { type: 'bearer', secret: 'crm-token' },
      secretHeaders: { 'X-Api-Key': 'crm-key' },
    });
    expect(server.requests.at(-1)!.headers).toMatchObject({ authorization: 'Bearer s3cret-token', 'x-api-key': 'k3y-value' });
    // Each secret is asked for with the URL the request goes to, whose host the worker checks.
    expect(recorded.reveals).toEqual([
      { name: 'crm-token', destination: `${server.url}/secure` },
      { name: 'crm-key', destination: `${server.url}/secure` },
    ]);
    const visible = JSON.stringify({ output, logs: recorded.logs });
    expect(visible).not.toContain('s3cret-token');
    expect(visible).not.toContain('k3y-value');
  });

  it('fails naming the secret when the tenant does not have it', async () => {
    await expect(run({ url: `${server.url}/secure`, auth: { type: 'bearer', secret: 'nope' } })).rejects.toThrow('The tenant has no secret named nope');
  });

  it('returns a non-2xx status as output, and fails on it only when asked', async () => {
    const { output } = await run({ url: `${server.url}/missing` });
    expect(output).toMatchObject({ status: 404, body: { error: 'no such invoice' } });

    const notFound = await run({ url: `${server.url}/missing`, failOnStatus: true }).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(ActionFailure);
    expect((notFound as ActionFailure).message).toBe(`GET ${server.url}/missing answered 404: "{\\"error\\":\\"no such invoice\\"}"`);
    expect((notFound as ActionFailure).retryable).toBe(false);
    const busy = await run({ url: `${server.url}/busy`, failOnStatus: true }).catch((e: unknown) => e);
    expect((busy as ActionFailure).retryable).toBe(true);
  });

  it('fails when JSON was required and the response is not JSON', async () => {
    await expect(run({ url: `${server.url}/text`, responseType: 'json' })).rejects.toThrow(
      `The response of ${server.url}/text is not JSON: "plain words"`,
    );
  });

  it('refuses private addresses unless the host is allowed', async () => {
    await expect(run({ url: `${server.url}/x` }, { allowedPrivateHosts: [] })).rejects.toThrow(
      `Refused to connect to 127.0.0.1 (localhost resolves to it) for ${server.url}: it is a loopback address (this machine); add localhost to the worker's allowed private hosts if it should be reachable`,
    );
    await expect(run({ url: 'http://169.254.169.254/latest/meta-data/' }, { allowedPrivateHosts: ['169.254.169.254'] })).rejects.toThrow(
      'Refused to connect to 169.254.169.254 for http://169.254.169.254: it is a cloud metadata endpoint, which is never allowed',
    );
  });

  it('validates its input: URL scheme, body on GET, timeout bounds, header names', () => {
    const issues = (input: Record<string, unknown>) =>
      sendRequestHandler.input.safeParse(input).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(issues({ url: 'file:///etc/passwd' })).toEqual(['url: Expected an http:// or https:// URL']);
    expect(issues({ url: 'https://a.test', body: { a: 1 } })).toEqual(['body: GET and HEAD requests cannot have a body']);
    expect(issues({ url: 'https://a.test', timeoutMs: 120_000 })?.[0]).toMatch(/^timeoutMs: /);
    expect(issues({ url: 'https://a.test', headers: { 'Bad Header': 'x' } })?.[0]).toBe('headers.Bad Header: "Bad Header" is not a valid HTTP header name');
    expect(sendRequestHandler.input.parse({ url: 'https://a.test' })).toMatchObject({ method: 'GET', timeoutMs: 10_000, responseType: 'auto', failOnStatus: false });
  });
});
