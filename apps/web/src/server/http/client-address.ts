import type { IncomingMessage } from 'node:http';

/**
 * The header through which the web server hands the client's address to Next (server actions read
 * it with `headers()`). The server always overwrites it, so a client cannot choose its own.
 */
export const CLIENT_ADDRESS_HEADER = 'x-cascade-client-address';

/**
 * The address a request came from: the socket's peer, or, behind a reverse proxy (TRUST_PROXY),
 * the last X-Forwarded-For entry, which the proxy appended itself; entries before it are the
 * client's to forge.
 */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for'];
  const last = trustProxy && forwarded ? String(forwarded).split(',').at(-1)?.trim() : undefined;
  return last || request.socket.remoteAddress || 'unknown';
}
