/**
 * Ingestion load benchmark (issue 5): starts Cascade on free ports in a temp directory, then
 * measures POST /api/v1/events as batches of 100 and as single events from 16 concurrent clients,
 * and prints events/s and 202 latency percentiles. Run: npm run bench:ingest
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import os from 'node:os';
import { startThrowawayCascade } from '../throwaway';

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

/**
 * POSTs over node:http on kept-alive connections, one per client: `fetch` spent about 0.4 ms of
 * CPU per request (this, 0.06 ms), which on 2 cores held the single-event figure near 1,100/s.
 */
function post(agent: Agent, url: URL, apiKey: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    request(url, { method: 'POST', agent, headers }, (response) => {
      response.resume().once('end', () => resolve(response.statusCode ?? 0));
    })
      .once('error', reject)
      .end(body);
  });
}

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
        const status = await post(agent, endpoint, apiKey, JSON.stringify(body));
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

async function main() {
  const cascade = await startThrowawayCascade({ name: 'bench', log: () => undefined });
  const { apiKey } = cascade;
  try {
    await load(cascade.webUrl, apiKey, 4, 10); // warm-up: JIT, connection pools
    console.log(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    const batches = await load(cascade.webUrl, apiKey, 4, 100);
    console.log(`batches of 100, 4 clients:  ${batches.eventsPerSecond} events/s, 202 p50 ${batches.p50} ms, p99 ${batches.p99} ms, ${batches.failures} failed requests`);
    const singles = await load(cascade.webUrl, apiKey, 16, 1);
    console.log(`single events, 16 clients:  ${singles.eventsPerSecond} events/s, 202 p50 ${singles.p50} ms, p99 ${singles.p99} ms, ${singles.failures} failed requests`);
    console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    await cascade.stop();
  }
}

await main();
