import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Tally {
  requests: number;
  byStatus: Map<number, number>;
  /** A few 4xx answers (method, path, status, content type) that carried no problem body. */
  bareClientErrors: string[];
}

const PROBLEM_TYPE = 'application/problem+json';
const MAX_SAMPLES = 20;
/** The API answers problems; other paths are pages, whose 404 is an HTML page. */
const isApi = (url = '') => url.startsWith('/api/');

/**
 * A reverse proxy on a free port that forwards every request to `target` unchanged and tallies
 * the answers, so the fuzzer's figures are counted where requests arrive, not where they are made.
 */
export async function startCountingProxy(target: string) {
  const tally: Tally = { requests: 0, byStatus: new Map(), bareClientErrors: [] };
  const upstream = new URL(target);
  const server = createServer((incoming, outgoing) => {
    tally.requests += 1;
    const headers: IncomingHttpHeaders = { ...incoming.headers, host: upstream.host };
    const forwarded = request(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers },
      (answer) => {
        const status = answer.statusCode ?? 0;
        tally.byStatus.set(status, (tally.byStatus.get(status) ?? 0) + 1);
        const type = answer.headers['content-type'] ?? '';
        // A HEAD answer has no body to carry a problem.
        if (status >= 400 && status < 500 && isApi(incoming.url) && incoming.method !== 'HEAD' && !type.startsWith(PROBLEM_TYPE)) {
          if (tally.bareClientErrors.length < MAX_SAMPLES) {
            tally.bareClientErrors.push(`${incoming.method} ${incoming.url?.slice(0, 200)} → ${status} (${type || 'no content type'})`);
          }
        }
        outgoing.writeHead(status, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.once('error', (error) => {
      tally.byStatus.set(599, (tally.byStatus.get(599) ?? 0) + 1);
      outgoing.destroy(error);
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tally,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
