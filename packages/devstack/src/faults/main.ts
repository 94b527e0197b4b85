/**
 * Fault suite (issue 17): starts Cascade on free ports, publishes trigger → http.request POST →
 * emit, posts a burst of events over HTTP from a producer that retries as a real one does, and
 * meanwhile kills the worker with SIGKILL again and again, kills the web server mid-request,
 * restarts PostgreSQL and stops the Temporal dev server for a while. Once the stack is at rest it
 * reconciles what the producer, the event log, Temporal, the side-effect target and the follow-up
 * events each saw, prints the figures, and exits non-zero when a goal-0 figure is not 0.
 * Run: npm run test:faults (`-- --quick`, or CASCADE_FAULTS=quick, for the bounded mode `./cascade test` runs).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '@cascade/db';
import { Client, Connection } from '@temporalio/client';
import { publishWorkflow } from '../bench/e2e/workflow';
import { machineLoad } from '../bench/runs/stats';
import { startThrowawayCascade } from '../throwaway';
import { runChaos, type ChaosPlan } from './chaos';
import { printReport } from './report';
import { reconcile, waitForQuiescence } from './reconcile';
import { startRestartableServers } from './restartable-servers';
import { publishWithRetries } from './retrying-publisher';
import { startSideEffectTarget } from './side-effect-target';
import { faultWorkflow, FOLLOW_UP_EVENT } from './workflow';

const quick = process.argv.includes('--quick') || process.env.CASCADE_FAULTS === 'quick';
const setting = (name: string, full: number, quickValue: number) => Number(process.env[name] ?? (quick ? quickValue : full));
const settings = {
  events: setting('FAULTS_EVENTS', 5_000, 300),
  rate: setting('FAULTS_RATE', 25, 10),
  plan: {
    workerKills: setting('FAULTS_WORKER_KILLS', 20, 3),
    killGapMs: quick ? [1_000, 6_000] : [1_000, 10_000],
    temporalDownMs: setting('FAULTS_TEMPORAL_DOWN_S', 60, 10) * 1000,
    windowMs: 0, // the posting time, set below
  } satisfies ChaosPlan as ChaosPlan,
  quiescenceTimeoutMs: setting('FAULTS_REST_TIMEOUT_S', 900, 180) * 1000,
};
settings.plan.windowMs = (settings.events / settings.rate) * 1000;
const SOURCE = 'fault-suite';

async function main(): Promise<number> {
  const began = Date.now();
  console.log(`# Cascade fault suite${quick ? ' (quick mode)' : ''}, ${new Date().toISOString()}; at start: ${machineLoad()}`);
  const verbose = process.env.FAULTS_VERBOSE !== undefined;
  // The apps inherit these: their info lines would bury the faults, and the worker may reach the target.
  process.env.LOG_LEVEL ??= verbose ? 'info' : 'error';
  const target = await startSideEffectTarget({ maxDelayMs: 50 });
  process.env.ALLOWED_PRIVATE_HOSTS = target.host;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cascade-faults-'));
  const servers = await startRestartableServers(dataDir, 'cascade_faults');
  const cascade = await startThrowawayCascade({
    name: 'faults',
    log: (line) => verbose && console.log(`[cascade] ${line}`),
    databaseUrl: servers.databaseUrl,
    temporalAddress: servers.temporalAddress,
    // Restarted quickly every time: the default backoff (to 30 s) would make 20 kills take many minutes.
    restartPolicy: { initialDelayMs: 500, maxDelayMs: 2_000, stableAfterMs: 10_000 },
  });
  const startedIn = (Date.now() - began) / 1000;
  let gaveUp: string | undefined;
  void cascade.failed.then((reason) => (gaveUp = reason));
  const db = createDatabase(servers.databaseUrl, { maxConnections: 2 });
  const connection = await Connection.lazy({ address: servers.temporalAddress });
  const temporal = new Client({ connection, namespace: 'default' });
  try {
    const producer = { webUrl: cascade.webUrl, apiKey: cascade.apiKey, tenantId: cascade.seed.tenantId };
    const workflowId = await publishWorkflow(producer, faultWorkflow(target.url));
    console.log(`Cascade started in ${startedIn.toFixed(1)} s; posting ${settings.events} events at ${settings.rate}/s with faults …`);
    const [worker, web] = [cascade.apps.find((app) => app.name === 'worker')!, cascade.apps.find((app) => app.name === 'web app')!];
    // The worker's heartbeat row (WORKER_ID defaults to host:pid) is written once it polls and dispatches.
    const workerWorking = (pid: number) =>
      db.workerHeartbeat.count({ where: { workerId: `${os.hostname()}:${pid}` } }).then((n) => n > 0, () => false);
    const loadFrom = Date.now();
    const publication = publishWithRetries(producer, SOURCE, { count: settings.events, rate: settings.rate, giveUpAfterMs: 300_000 });
    const chaos = { worker, workerWorking, effectsInFlight: () => target.inFlight, effectsSeen: () => target.record.requests, web, servers, publication };
    const [{ faults, workerBackSeconds, workResumedAfterTemporalSeconds }, published] = await Promise.all([
      runChaos(settings.plan, chaos, (line) => console.log(`  ${line}`)),
      publication.done,
    ]);
    const faultsDone = Date.now();
    const scope = { tenantId: producer.tenantId, workflowId, source: SOURCE };
    const atRest = await waitForQuiescence(db, temporal, scope, settings.quiescenceTimeoutMs);
    const restAfter = (Date.now() - faultsDone) / 1000;
    const figures = await reconcile(db, temporal, { ...scope, followUpType: FOLLOW_UP_EVENT }, published.acknowledged, target.record);
    return printReport({
      quick,
      settings: { events: settings.events, rate: settings.rate, ...settings.plan },
      published,
      faults,
      recovery: { workerBackSeconds, workResumedAfterTemporalSeconds },
      figures,
      gaveUp,
      timings: { startedIn, loadSeconds: (faultsDone - loadFrom) / 1000, atRest, restAfter, total: (Date.now() - began) / 1000 },
    });
  } finally {
    await connection.close().catch(() => undefined);
    await db.$disconnect();
    await cascade.stop();
    await servers.stop();
    await target.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
