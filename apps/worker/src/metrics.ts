import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const workerMetrics = new Registry();
workerMetrics.setDefaultLabels({ app: 'cascade-worker' });
collectDefaultMetrics({ register: workerMetrics });

// Labels stay bounded: workflow ids, activity types, built-in or registered action ids, outcomes.
// Never a tenant, event or run id, which would grow a series per event.

/** Events this process ingested (NATS sources, emit nodes), by outcome; the web app counts HTTP ingestion. */
export const eventsIngested = new Counter({
  name: 'cascade_events_ingested_total',
  help: 'Events offered to ingestion, by outcome (accepted, duplicate, rejected)',
  labelNames: ['outcome'],
  registers: [workerMetrics],
});

/** Counts what one ingestion call did (the web app counts its HTTP ingestion the same way). */
export function countIngested(counts: { accepted: number; duplicate: number; rejected: number }): void {
  for (const outcome of ['accepted', 'duplicate', 'rejected'] as const) if (counts[outcome]) eventsIngested.inc({ outcome }, counts[outcome]);
}

export const dispatchLag = new Histogram({
  name: 'cascade_dispatch_lag_seconds',
  help: 'Time from an event being stored to its dispatch (runs started, waits signalled)',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  registers: [workerMetrics],
});

/** Read at scrape time from the dispatch table, so every worker reports the same shared queue. */
let backlogSource: (() => Promise<number>) | undefined;
export const dispatchBacklog = new Gauge({
  name: 'cascade_dispatch_backlog',
  help: 'Events stored and not yet dispatched (pending dispatch rows)',
  registers: [workerMetrics],
  async collect() {
    if (backlogSource) this.set(await backlogSource());
  },
});

/** Where the backlog gauge reads the queue's depth from (the worker's database). */
export function measureBacklogWith(source: () => Promise<number>): void {
  backlogSource = source;
}

export const runStarts = new Counter({
  name: 'cascade_runs_started_total',
  help: 'Runs started by the dispatcher, by workflow id',
  labelNames: ['workflow'],
  registers: [workerMetrics],
});

export const runEnds = new Counter({
  name: 'cascade_runs_finished_total',
  help: 'Runs closed, by workflow id and outcome (completed, failed, cancelled)',
  labelNames: ['workflow', 'outcome'],
  registers: [workerMetrics],
});

export const stepDuration = new Histogram({
  name: 'cascade_step_duration_seconds',
  help: 'Duration of a step activity (its effect and its records), by activity, action and outcome',
  labelNames: ['activity', 'action', 'outcome'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [workerMetrics],
});

export const deadLetters = new Counter({
  name: 'cascade_dead_letters_total',
  help: 'Work given up on after its last attempt, by queue (dispatch, webhook)',
  labelNames: ['queue'],
  registers: [workerMetrics],
});

export const temporalReachable = new Gauge({
  name: 'cascade_worker_temporal_reachable',
  help: 'Whether Temporal answered the worker\'s latest probe (1) or not (0); the worker waits for it meanwhile',
  registers: [workerMetrics],
});

/** What the worker cannot work without and does not have now: empty once it is ready. */
export type Readiness = () => string[];

/**
 * Serves GET /metrics (Prometheus text format) and GET /ready on `port`: /ready answers 200, or
 * 503 naming what is missing (`{"down": ["temporal"]}`), for an orchestrator's readiness probe.
 * Rejects when the port is taken.
 */
export function serveMetrics(port: number, readiness: Readiness = () => []): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url === '/ready') {
      const down = readiness();
      response.writeHead(down.length ? 503 : 200, { 'content-type': 'application/json' }).end(JSON.stringify({ ready: !down.length, down }));
      return;
    }
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
