/**
 * Whole-stack benchmark (issue 18): starts Cascade as `./cascade start` runs it (web app, worker,
 * PostgreSQL, Temporal dev server) on free ports, publishes trigger → condition → emit through the
 * API, measures the capacity with a closed loop, then posts events over HTTP from an open-loop
 * client at fixed shares of it and as an unbounded flood, and prints per phase what a producer and
 * an operator would see. It asserts nothing about speed. Run: npm run bench:e2e
 * (BENCH_E2E_QUICK=1: tiny rates, under a minute, as `./cascade test` runs it; ../README.md has the knobs).
 */
import os from 'node:os';
import { createDatabase } from '@cascade/db';
import { Client, Connection } from '@temporalio/client';
import { startThrowawayCascade } from '../../throwaway';
import { machineLoad } from '../runs/stats';
import { closedLoopCapacity, flood, sendAtRate, type Sent, type Target } from './load';
import { completedRunsOf, drained, phaseLatency, runsFinishedBetween, sampleBacklog } from './observe';
import { printPhases, printTimeline, type PhaseFigures } from './report';
import { publishBenchWorkflow } from './workflow';

const quick = process.env.BENCH_E2E_QUICK === '1';
const setting = (name: string, full: number, quickValue: number) => Number(process.env[name] ?? (quick ? quickValue : full));
const settings = {
  capacitySeconds: setting('BENCH_E2E_CAPACITY_SECONDS', 15, 2),
  lanes: setting('BENCH_E2E_LANES', 64, 8),
  rateSeconds: setting('BENCH_E2E_RATE_SECONDS', 15, 1.5),
  /** Shares of the measured capacity; quick mode posts at fixed tiny rates instead. */
  shares: quick ? [] : (process.env.BENCH_E2E_SHARES ?? '0.1,0.25,0.5,0.75,1').split(',').filter(Boolean).map(Number),
  quickRates: [2, 5],
  floodSeconds: setting('BENCH_E2E_FLOOD_SECONDS', 5, 1),
  floodConnections: setting('BENCH_E2E_FLOOD_CONNECTIONS', 16, 2),
  drainTimeoutMs: setting('BENCH_E2E_DRAIN_TIMEOUT_S', 900, 30) * 1000,
};

async function main(): Promise<void> {
  console.log(`# Cascade whole-stack benchmark${quick ? ' (quick mode)' : ''}, ${new Date().toISOString()}`);
  console.log(`${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; at start: ${machineLoad()}`);
  const verbose = process.env.BENCH_VERBOSE !== undefined;
  // The web app and worker inherit it: their info lines would bury the figures.
  process.env.LOG_LEVEL ??= verbose ? 'info' : 'warn';
  const cascade = await startThrowawayCascade({ name: 'bench-e2e', log: (line) => verbose && console.log(`[cascade] ${line}`) });
  const db = createDatabase(cascade.infrastructure.databaseUrl, { maxConnections: 3 });
  const connection = await Connection.connect({ address: cascade.infrastructure.temporalAddress });
  const temporal = new Client({ connection, namespace: 'default' });
  const target: Target = { webUrl: cascade.webUrl, apiKey: cascade.apiKey, tenantId: cascade.seed.tenantId };
  try {
    await publishBenchWorkflow(target);
    const capacity = await closedLoopCapacity(target, 'bench-e2e:capacity', {
      lanes: settings.lanes,
      seconds: settings.capacitySeconds,
      warmupSeconds: quick ? 0.5 : 5,
      completed: (ids) => completedRunsOf(db, target.tenantId, ids),
    });
    console.log(`\ncapacity: ${capacity.toFixed(1)} completed runs/s with ${settings.lanes} runs in flight (closed loop, ${settings.capacitySeconds} s); ${machineLoad()}`);

    const rates = quick ? settings.quickRates : settings.shares.map((share) => Math.max(1, Math.round(share * capacity)));
    const phases: PhaseFigures[] = [];
    for (const rate of rates) {
      const label = quick ? `${rate}/s` : `${Math.round((rate / capacity) * 100)} % (${rate}/s)`;
      phases.push(await measurePhase(label, `bench-e2e:rate-${rate}`, (source) => sendAtRate(target, source, rate, settings.rateSeconds)));
    }
    const flooded = await measurePhase(`flood, ${settings.floodConnections} connections`, 'bench-e2e:flood', (source) =>
      flood(target, source, settings.floodConnections, settings.floodSeconds),
    );
    phases.push(flooded);
    printPhases(phases, capacity);
    printTimeline(flooded, capacity, quick ? 1 : 5);
    console.log(`\n(at the end: ${machineLoad()})`);
  } finally {
    await connection.close();
    await db.$disconnect();
    await cascade.stop();
  }

  /** One phase: its load, then waiting until every run it started has completed, sampling the backlog throughout. */
  async function measurePhase(label: string, source: string, load: (source: string) => Promise<Sent>): Promise<PhaseFigures> {
    const sampler = sampleBacklog(db, temporal, target.tenantId, 500);
    const from = new Date();
    const sent = await load(source);
    const to = new Date();
    await drained(db, target.tenantId, source, sent.accepted, settings.drainTimeoutMs);
    const samples = await sampler.stop();
    const latency = await phaseLatency(db, target.tenantId, source);
    const completedDuringLoad = await runsFinishedBetween(db, target.tenantId, from, to);
    const drainMs = latency.lastFollowUpAt ? Math.max(0, latency.lastFollowUpAt.getTime() - to.getTime()) : NaN;
    const completedAfterLoad = await runsFinishedBetween(db, target.tenantId, to, new Date(to.getTime() + drainMs + 1));
    const figures: PhaseFigures = { label, sent, latency, from, to, samples, completedDuringLoad, completedAfterLoad, drainMs, load: machineLoad() };
    console.log(`${label}: ${sent.accepted} events accepted in ${sent.seconds.toFixed(1)} s, drained ${(drainMs / 1000).toFixed(1)} s after; ${figures.load}`);
    return figures;
  }
}

await main();
