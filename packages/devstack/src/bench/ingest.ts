/**
 * Ingestion load benchmark (issue 5): starts Cascade on free ports in a temp directory, then
 * measures POST /api/v1/events as batches of 100 and as single events from 16 concurrent clients,
 * and prints events/s, 202 latency percentiles, and the dispatch lag (commit → dispatched) the
 * worker's dispatcher kept under that load. Run: npm run bench:ingest
 */
import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import os from 'node:os';
import { createDatabase, type Database } from '@cascade/db';
import { startThrowawayCascade } from '../throwaway';
import { postJson } from './http-post';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

function breach() {
  return {
    id: randomUUID(),
    type: 'TICKET_SLA_STAGE_BREACHED',
    source: 'bench',
    data: {
      tenantId: 'psa-1',
      ticketId: `T-${randomUUID()}`,
      slaPolicyId: 'SLA-1',
      stage: 'resolution',
      breachedAt: '2026-11-23T08:00:00Z',
      targetAt: '2026-11-23T07:00:00Z',
      overdueBySeconds: 3600,
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function load(url: string, apiKey: string, clients: number, batchSize: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const endpoint = new URL('/api/v1/events', url);
  const latencies: number[] = [];
  let events = 0;
  let failures = 0;
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < deadline) {
        const body = batchSize === 1 ? breach() : Array.from({ length: batchSize }, breach);
        const started = performance.now();
        const status = await postJson(agent, endpoint, apiKey, JSON.stringify(body));
        latencies.push(performance.now() - started);
        if (status === 202) events += batchSize;
        else failures += 1;
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    eventsPerSecond: Math.round(events / SECONDS),
    requests: latencies.length,
    failures,
    p50: percentile(latencies, 50).toFixed(1),
    p99: percentile(latencies, 99).toFixed(1),
  };
}

/**
 * The dispatch side of a phase: the most dispatch rows pending at once (sampled every 250 ms while
 * `phase` runs), how long after it the last was dispatched, and the lag of each event from its
 * dispatch row's commit to its dispatch.
 */
async function withDispatchLag<T>(db: Database, phase: () => Promise<T>): Promise<T & { dispatch: string }> {
  const pending = async () => Number((await db.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM dispatches WHERE status = 'PENDING'`)[0]!.n);
  const from = new Date();
  let maxBacklog = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      maxBacklog = Math.max(maxBacklog, await pending());
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  const result = await phase();
  const ended = performance.now();
  sampling = false;
  await sampler;
  while ((await pending()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  const drain = performance.now() - ended;
  const [lag] = await db.$queryRaw<Array<{ p50: number; p99: number; max: number }>>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99, max(ms) AS max
      FROM (SELECT extract(epoch FROM dispatched_at - created_at) * 1000 AS ms FROM dispatches WHERE created_at >= ${from}) AS lags`;
  const ms = (value: number | undefined) => `${Math.round(value ?? NaN)} ms`;
  return { ...result, dispatch: `dispatch lag p50 ${ms(lag?.p50)}, p99 ${ms(lag?.p99)}, max ${ms(lag?.max)}; backlog at most ${maxBacklog}, drained ${ms(drain)} after the load` };
}

async function main() {
  // What the intake takes, not what dispatch keeps up with: the backlog bound would answer 429 once
  // the dispatcher falls a second behind (the web app inherits this environment).
  process.env.INGEST_MAX_TENANT_BACKLOG ??= '0';
  const cascade = await startThrowawayCascade({ name: 'bench', log: () => undefined });
  const { apiKey } = cascade;
  const db = createDatabase(cascade.infrastructure.databaseUrl, { maxConnections: 1 });
  try {
    await load(cascade.webUrl, apiKey, 4, 10); // warm-up: JIT, connection pools
    console.log(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    const batches = await withDispatchLag(db, () => load(cascade.webUrl, apiKey, 4, 100));
    console.log(`batches of 100, 4 clients:  ${batches.eventsPerSecond} events/s, 202 p50 ${batches.p50} ms, p99 ${batches.p99} ms, ${batches.failures} failed requests`);
    console.log(`                            ${batches.dispatch}`);
    const singles = await withDispatchLag(db, () => load(cascade.webUrl, apiKey, 16, 1));
    console.log(`single events, 16 clients:  ${singles.eventsPerSecond} events/s, 202 p50 ${singles.p50} ms, p99 ${singles.p99} ms, ${singles.failures} failed requests`);
    console.log(`                            ${singles.dispatch}`);
    console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    await db.$disconnect();
    await cascade.stop();
  }
}

await main();
