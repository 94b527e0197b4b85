import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/**
 * A local HTTP server for the file's tests, recording each request as `METHOD /path` and answering
 * `{"ok":true}`: a stubbed or skipped call must leave it nothing. `url` is set once it listens.
 */
export function recordingServer() {
  const server = { url: '', requests: [] as string[], http: undefined as Server | undefined };
  beforeAll(async () => {
    server.http = createServer((request, response) => {
      server.requests.push(`${request.method} ${request.url}`);
      request.resume().on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
    });
    await new Promise<void>((resolve) => server.http!.listen(0, '127.0.0.1', resolve));
    server.url = `http://localhost:${(server.http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.http?.closeAllConnections();
    await new Promise((resolve) => server.http?.close(resolve));
  });
  return server;
}
