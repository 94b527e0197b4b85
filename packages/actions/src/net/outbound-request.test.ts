import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionFailure } from '../define-action';
import { sendJson, startTestServer, type TestServer } from '../testing/http-server';
import { sendOutboundRequest, type OutboundOptions } from './outbound-request';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    const { pathname } = new URL(request.path, 'http://test');
    if (pathname === '/slow') return void setTimeout(() => sendJson(response, 200, {}), 2_000);
    if (pathname === '/large') return void response.end('x'.repeat(2_000));
    if (pathname === '/to-loopback-ip') return void response.writeHead(302, { location: `http://127.0.0.1:${server.port}/echo` }).end();
    if (pathname === '/to-other-origin') return void response.writeHead(307, { location: `http://other.test:${server.port}/echo` }).end();
    if (pathname === '/see-other') return void response.writeHead(303, { location: '/echo' }).end();
    sendJson(response, 200, { method: request.method, path: request.path });
  });
});
afterAll(() => server.close());

const options = (overrides: Partial<OutboundOptions> = {}): OutboundOptions => ({
  allowedPrivateHosts: ['localhost'],
  signal: new AbortController().signal,
  timeoutMs: 5_000,
  maxRedirects: 5,
  ...overrides,
});
const get = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url: new URL(url), headers });

describe('sendOutboundRequest', () => {
  it('refuses a loopback host before connecting, naming the address and why', async () => {
    const before = server.requests.length;
    const error = await sendOutboundRequest(get(`${server.url}/echo`), options({ allowedPrivateHosts: [] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionFailure);
    expect((error as ActionFailure).message).toContain(`Refused to connect to 127.0.0.1 (localhost resolves to it) for http://localhost:${server.port}: it is a loopback address`);
    expect((error as ActionFailure).retryable).toBe(false);
    expect(server.requests.length).toBe(before);
  });

  it('reaches an allowlisted private host', async () => {
    const response = await sendOutboundRequest(get(`${server.url}/echo`), options());
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ method: 'GET', path: '/echo' });
  });

  it('connects to the address it checked, not to a second DNS answer', async () => {
    // crm.example.test exists in no DNS: the request can only arrive if the connection uses the
    // address our resolver returned and the policy checked.
    const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    const url = `http://crm.example.test:${server.port}/pinned`;
    const response = await sendOutboundRequest(get(url), options({ allowedPrivateHosts: ['crm.example.test'], resolve }));
    expect(JSON.parse(response.body)).toEqual({ method: 'GET', path: '/pinned' });
    expect(server.requests.at(-1)?.headers.host).toBe(`crm.example.test:${server.port}`);
  });

  it('refuses a host when any of its addresses is private', async () => {
    const resolve = async () => [{ address: '93.184.215.14', family: 4 }, { address: '10.0.0.7', family: 4 }];
    await expect(sendOutboundRequest(get('https://mixed.example.test/'), options({ resolve }))).rejects.toThrow(
      'Refused to connect to 10.0.0.7 (mixed.example.test resolves to it) for https://mixed.example.test: it is a private network address',
    );
  });

  it('checks every redirect hop against the policy', async () => {
    await expect(sendOutboundRequest(get(`${server.url}/to-loopback-ip`), options())).rejects.toThrow(
      `Refused to connect to 127.0.0.1 for http://127.0.0.1:${server.port}: it is a loopback address`,
    );
  });

  it('does not carry credentials to another origin on redirect', async () => {
    const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    const response = await sendOutboundRequest(
      get(`${server.url}/to-other-origin`, { authorization: 'Bearer s3cret', 'x-api-key': 'k3y', accept: 'application/json' }),
      options({ allowedPrivateHosts: ['localhost', 'other.test'], resolve, sensitiveHeaders: ['X-Api-Key'] }),
    );
    expect(response.url).toBe(`http://other.test:${server.port}/echo`);
    const [first, second] = server.requests.slice(-2);
    expect(first?.headers).toMatchObject({ authorization: 'Bearer s3cret', 'x-api-key': 'k3y' });
    expect(second?.headers).not.toHaveProperty('authorization');
    expect(second?.headers).not.toHaveProperty('x-api-key');
    expect(second?.headers.accept).toBe('application/json');
  });

  it('turns a POST into a GET without body on 303', async () => {
    const response = await sendOutboundRequest(
      { method: 'POST', url: new URL(`${server.url}/see-other`), headers: { 'content-type': 'application/json' }, body: '{"a":1}' },
      options(),
    );
    expect(JSON.parse(response.body)).toEqual({ method: 'GET', path: '/echo' });
    expect(server.requests.at(-1)?.headers).not.toHaveProperty('content-type');
  });

  it('answers a redirect as it is when redirects are not followed', async () => {
    const response = await sendOutboundRequest(get(`${server.url}/see-other`), options({ maxRedirects: 0 }));
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/echo');
  });

  it('gives up after the timeout, saying so', async () => {
    const error = await sendOutboundRequest(get(`${server.url}/slow?token=abc`), options({ timeoutMs: 200 })).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`GET http://localhost:${server.port}/slow timed out after 200 ms`);
    expect((error as ActionFailure).retryable).toBe(true);
  });

  it('stops when the step is cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('step cancelled')), 100);
    await expect(sendOutboundRequest(get(`${server.url}/slow`), options({ signal: controller.signal }))).rejects.toThrow('step cancelled');
  });

  it('refuses a response larger than the limit', async () => {
    await expect(sendOutboundRequest(get(`${server.url}/large`), options({ maxResponseBytes: 1_000 }))).rejects.toThrow(
      `The response of http://localhost:${server.port}/large is larger than 1000 bytes`,
    );
  });

  it('says which host could not be resolved', async () => {
    await expect(sendOutboundRequest(get('https://nowhere.invalid/'), options())).rejects.toThrow(/^Could not resolve nowhere\.invalid: /);
  });

  it('reports a refused connection with the URL', async () => {
    const closed = await startTestServer(() => undefined);
    await closed.close();
    await expect(sendOutboundRequest(get(`${closed.url}/x`), options())).rejects.toThrow(`GET http://localhost:${closed.port}/x failed: ECONNREFUSED`);
  });
});
