import 'server-only';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

interface WebMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  eventsIngested: Counter<'outcome'>;
}

const holder = globalThis as typeof globalThis & { cascadeWebMetrics?: WebMetrics };

/**
 * The web app's Prometheus registry, one per process: kept on globalThis across dev reloads, and
 * shared by Next's bundle and the custom server's fast path, so /metrics counts both.
 */
export function webMetrics(): WebMetrics {
  if (!holder.cascadeWebMetrics) {
    const registry = new Registry();
    registry.setDefaultLabels({ app: 'cascade-web' });
    collectDefaultMetrics({ register: registry });
    holder.cascadeWebMetrics = {
      registry,
      httpRequests: new Counter({
        name: 'cascade_http_requests_total',
        help: 'HTTP API requests answered, by route and status',
        labelNames: ['method', 'route', 'status'],
        registers: [registry],
      }),
      httpDuration: new Histogram({
        name: 'cascade_http_request_duration_seconds',
        help: 'HTTP API request duration',
        labelNames: ['method', 'route'],
        buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
        registers: [registry],
      }),
      eventsIngested: new Counter({
        name: 'cascade_events_ingested_total',
        help: 'Events offered to ingestion, by outcome (accepted, duplicate, rejected)',
        labelNames: ['outcome'],
        registers: [registry],
      }),
    };
  }
  return holder.cascadeWebMetrics;
}

/** Counts what one ingestion call did; the worker counts its own ingestion (NATS, emit nodes) the same way. */
export function countIngested(counts: { accepted: number; duplicate: number; rejected: number }): void {
  const { eventsIngested } = webMetrics();
  for (const outcome of ['accepted', 'duplicate', 'rejected'] as const) if (counts[outcome]) eventsIngested.inc({ outcome }, counts[outcome]);
}
