/**
 * Cascade beyond one machine, run for real (issue 18): the real Temporal server on PostgreSQL, two
 * web processes and two workers against it (stack.ts).
 *
 * By default, the correctness run: events published alternately to both web processes, one worker
 * killed with SIGKILL mid-burst (its supervisor starts it again, as an orchestrator would), every
 * run's wait answered, then the database and Temporal reconciled: every acknowledged event
 * dispatched once, one run per event, every run finished, no emit missing or repeated, nothing left
 * open in Temporal. Exits 1 when any of those is not 0.
 *   npm run test:cluster                 (CLUSTER_EVENTS, default 1,000)
 *   CLUSTER_QUICK=1 npm run test:cluster (100 events: the bounded form `./cascade test` runs)
 *
 * CLUSTER_CAPACITY=1: capacity figures instead, with one worker and then two: completed runs/s of
 * trigger → condition → emit in a closed loop, dispatch lag, and CPU per run by process group.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { machineLoad } from '../bench/runs/stats';
import { publishWorkflow } from '../bench/e2e/workflow';
import { TEMPORAL_SERVER_VERSION } from '../temporal-server';
import { measureCapacity, type CapacityFigures } from './capacity';
import { publishAll } from './publish';
import { openInTemporal, progressOf, reconcile, type Reconciliation } from './reconcile';
import type { SupervisedProcess } from '../supervisor';
import { startClusterStack, type ClusterStack } from './stack';
import { clusterWorkflow, overdueInvoice, paymentRecorded } from './workflow';

const quick = process.env.CLUSTER_QUICK === '1';
const verbose = process.env.CLUSTER_VERBOSE !== undefined;
const say = (line: string) => console.log(`[cluster] ${line}`);
const log = (line: string) => verbose && console.log(`  ${line}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const since = (start: number) => seconds(performance.now() - start);

async function correctness(): Promise<number> {
  const events = Number(process.env.CLUSTER_EVENTS ?? (quick ? 100 : 1_000));
  say(`${events} events; 2 web processes and 2 workers on the Temporal server ${TEMPORAL_SERVER_VERSION} on PostgreSQL; ${machineLoad()}`);
  const stack = await startClusterStack({ web: 2, workers: 2, log });
  try {
    say(`the stack is up in ${seconds(stack.elapsedStartMs)} (Temporal's schemas, its server, Cascade's migrations, four processes)`);
    const { cascade, apiKey, tenantId, db } = stack;
    const workflowId = await publishWorkflow({ webUrl: cascade.webUrl, apiKey }, clusterWorkflow);
    const clients = Array.from({ length: events }, () => ({ eventId: randomUUID(), clientId: randomUUID() }));
    const victim = cascade.apps.find((app) => app.name === 'worker')!;

    let started = performance.now();
    let killed = '';
    let workingAgain: Promise<number | undefined> | undefined;
    const burst = await publishAll(cascade.webUrls, apiKey, clients.map(({ eventId, clientId }) => overdueInvoice(tenantId, eventId, clientId)), {
      onAcknowledged: (count) => {
        if (killed || count < events / 2 || !victim.pid) return;
        killed = `the first worker (pid ${victim.pid}) killed with SIGKILL after ${count} events acknowledged`;
        workingAgain = secondsUntilWorking(db, victim, victim.pid);
        process.kill(victim.pid, 'SIGKILL');
      },
    });
    say(`burst: ${burst.acknowledged.length} of ${events} acknowledged in ${since(started)} (${burst.byWeb.join(' + ')} by the two web processes, ${burst.retries} sends repeated); ${killed || 'no worker killed'}`);
    const backSeconds = await workingAgain;
    if (workingAgain) say(`the killed worker's successor was working ${backSeconds === undefined ? 'NOT within 2 min' : `${backSeconds.toFixed(1)} s after the kill`} (its heartbeat row written)`);
    const allWaiting = await until(async () => (await progressOf(db, tenantId, workflowId)).waiting >= burst.acknowledged.length);
    say(`${allWaiting ? 'every run waits' : 'NOT every run waits'} for its payment ${since(started)} after the burst began`);

    started = performance.now();
    const payments = await publishAll(cascade.webUrls, apiKey, clients.map(({ clientId }) => paymentRecorded(tenantId, clientId)));
    const allFinished = await until(async () => (await progressOf(db, tenantId, workflowId)).completed >= burst.acknowledged.length);
    say(`payments: ${payments.acknowledged.length} acknowledged; ${allFinished ? 'every run finished' : 'NOT every run finished'} ${since(started)} after the first`);
    const dispatched = await until(async () => (await progressOf(db, tenantId, workflowId)).pending === 0);
    say(`${dispatched ? 'every event dispatched' : 'NOT every event dispatched'} ${since(started)} after the first payment (the killed worker's claims pass after their lease)`);
    const closed = await until(async () => (await openInTemporal(stack.temporal, workflowId)) === 0, 60_000);
    say(`${closed ? 'every run closed' : 'NOT every run closed'} in Temporal's visibility store ${since(started)} after the first payment`);

    const found = await reconcile(db, stack.temporal, tenantId, workflowId, burst.acknowledged);
    printReconciliation(found, events - burst.acknowledged.length, events - payments.acknowledged.length);
    return Object.values(found).some((count) => count !== 0) || burst.acknowledged.length !== events || payments.acknowledged.length !== events ? 1 : 0;
  } finally {
    await stack.stop();
  }
}

async function capacity(): Promise<number> {
  const options = { lanes: Number(process.env.CLUSTER_LANES ?? 32), seconds: Number(process.env.CLUSTER_SECONDS ?? 20), warmupSeconds: 5 };
  say(`capacity on the Temporal server ${TEMPORAL_SERVER_VERSION} on PostgreSQL, ${options.lanes} runs in flight for ${options.seconds} s; ${os.cpus().length} cores`);
  const figures: CapacityFigures[] = [];
  for (const workers of [1, 2]) {
    const stack = await startClusterStack({ web: 1, workers, log });
    try {
      figures.push(await measureCapacity(stack, options));
      say(`${workers} worker(s) measured; ${machineLoad()}`);
    } finally {
      await stack.stop();
    }
  }
  console.log('\n| workers | completed runs/s | dispatch lag p50 / p99 | CPU ms per run: web / workers / Temporal server / PostgreSQL for Cascade / for Temporal / its own work |');
  console.log('|---|---|---|---|');
  for (const f of figures) {
    const { web, workers, temporal, postgresCascade, postgresTemporal, postgresOther } = f.cpuMsPerRun;
    const cpu = [web, workers, temporal, postgresCascade, postgresTemporal, postgresOther].map((ms) => ms.toFixed(1)).join(' / ');
    console.log(`| ${f.workers} | ${f.runsPerSecond.toFixed(1)} | ${f.dispatchLag.p50.toFixed(0)} / ${f.dispatchLag.p99.toFixed(0)} ms | ${cpu} |`);
  }
  return 0;
}

/** Seconds until the supervisor's next worker (a pid other than `killed`) has written its heartbeat row, which it does once it polls. */
async function secondsUntilWorking(db: ClusterStack['db'], worker: SupervisedProcess, killed: number): Promise<number | undefined> {
  const since = performance.now();
  const working = async () => {
    const pid = worker.pid;
    return pid !== undefined && pid !== killed && (await db.workerHeartbeat.count({ where: { workerId: `${os.hostname()}:${pid}` } })) > 0;
  };
  return (await until(working, 120_000, 100)) ? (performance.now() - since) / 1000 : undefined;
}

/** Polls `check` every half second (or `everyMs`) for up to ten minutes (or `timeoutMs`); false if it never held. */
async function until(check: () => Promise<boolean>, timeoutMs = 600_000, everyMs = 500): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(everyMs);
  }
  return false;
}

function printReconciliation(found: Reconciliation, burstUnacknowledged: number, paymentsUnacknowledged: number): void {
  const rows: Array<[string, number]> = [
    ['events not acknowledged (the producer gave up)', burstUnacknowledged + paymentsUnacknowledged],
    ['acknowledged events lost', found.eventsLost],
    ['acknowledged events not dispatched', found.notDispatched],
    ['events with other than one run', found.runsNotOne],
    ['runs not finished', found.runsNotFinished],
    ['runs still open in Temporal', found.openInTemporal],
    ['runs with an emit missing or repeated', found.emitsWrong],
  ];
  say('reconciliation (goal 0 each):');
  for (const [what, count] of rows) console.log(`  ${count === 0 ? '✓' : '✗'} ${what}: ${count}`);
}

process.env.LOG_LEVEL ??= verbose ? 'info' : 'warn';
process.exitCode = await (process.env.CLUSTER_CAPACITY === '1' ? capacity() : correctness());
