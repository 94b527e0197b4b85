import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER } from './client-address';
import { createRequestListener } from './fast-path';

// The web server's listener on a real port, with a stand-in for Next that serves a page.
let server: Server;
let base: string;
const seenByNext: Array<string | undefined> = [];

beforeAll(async () => {
  server = createServer(
    createRequestListener(async (request, response) => {
      seenByNext.push(request.headers[CLIENT_ADDRESS_HEADER] as string | undefined);
      response.setHeader('content-type', 'text/html');
      response.end('<!doctype html><title>Cascade</title>');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('answers of the web server', () => {
  it('a page carries the CSP (frame-ancestors none), X-Frame-Options, nosniff and Referrer-Policy', async () => {
    const page = await fetch(`${base}/login`);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('so does an answer of the fast path', async () => {
    const answer = await fetch(`${base}/api/v1/events`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
  });

  it('tells Next the socket’s address, whatever address the client claims', async () => {
    await fetch(`${base}/login`, { headers: { [CLIENT_ADDRESS_HEADER]: '203.0.113.9', 'x-forwarded-for': '203.0.113.9' } });
    expect(seenByNext.at(-1)).toBe('127.0.0.1');
  });
});
