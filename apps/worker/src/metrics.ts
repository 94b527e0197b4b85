import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, Registry } from 'prom-client';

export const workerMetrics = new Registry();
workerMetrics.setDefaultLabels({ app: 'cascade-worker' });
collectDefaultMetrics({ register: workerMetrics });

/** Serves GET /metrics (Prometheus text format) on `port`; rejects when the port is taken. */
export function serveMetrics(port: number): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    workerMetrics
      .metrics()
      .then((body) => response.writeHead(200, { 'content-type': workerMetrics.contentType }).end(body))
      .catch(() => response.writeHead(500).end());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve(server));
  });
}
