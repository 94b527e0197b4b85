import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { runWorkflowId } from '@cascade/temporal';
import { waitingWorkflow } from './definitions';
import { ingest, invoiceOverdue, paymentRecorded } from './events';
import { collects, settledMemory, type MemoryFigures } from './memory';
import type { ProbeConfig, ProbeKind, ProbeResult } from './memory-probe';
import { historyOf, type HistoryFigures } from './profile';
import { createTenant, publish, type BenchStack } from './stack';
import { waitFor } from './stats';

const PROBE_PATH = fileURLToPath(new URL('./memory-probe.ts', import.meta.url));

export interface WaitingFigures {
  runs: number;
  /** The worker's sticky cache size (Worker option maxCachedWorkflows) and how many runs it held once all waited. */
  maxCachedWorkflows: number;
  cachedWhileWaiting: number;
  /** Whether gc() was available, so heap figures are after a full collection. */
  collected: boolean;
  memory: { before: MemoryFigures; waiting: MemoryFigures; completed: MemoryFigures };
  /** First trigger ingested → every run's wait open in the waits table. */
  allWaitingMs: number;
  waitingHistory: HistoryFigures;
  /** First payment ingested → every run completed. */
  deliverMs: number;
  completedHistory: HistoryFigures;
  /** The same number of waiting workflows, each kind in a fresh worker process. */
  probes: Array<ProbeResult & { kind: ProbeKind; count: number }>;
}

/** Forks memory-probe.ts and waits for its report and its exit. */
function runProbe(config: ProbeConfig): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const child = fork(PROBE_PATH, [], {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      env: { ...process.env, BENCH_PROBE: JSON.stringify(config) },
      serialization: 'advanced',
    });
    let result: ProbeResult | undefined;
    child.on('message', (message) => (result = message as ProbeResult));
    child.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`memory probe "${config.kind}" exited with code ${code}`))));
  });
}

/** Section 3: `runs` runs waiting on correlated events at once, started and then released through the dispatcher. */
export async function measureWaitingRuns(stack: BenchStack, runs: number): Promise<WaitingFigures> {
  const tenant = await createTenant(stack.db, 'Bench: waiting runs');
  const published = await publish(stack.db, tenant.id, waitingWorkflow);
  const { worker } = stack.workers.interpreter;
  stack.startDispatcher();
  const clients = Array.from({ length: runs }, () => randomUUID());
  const triggers = clients.map((clientId) => invoiceOverdue(tenant.id, clientId));
  const before = await settledMemory();

  const started = performance.now();
  await ingest(stack.deps, tenant.id, triggers);
  const openWaits = () => stack.db.wait.count({ where: { tenantId: tenant.id, closedAt: null } });
  await waitFor(`${runs} open waits`, async () => (await openWaits()) === runs, 10 * 60_000);
  const allWaitingMs = performance.now() - started;
  const waiting = await settledMemory();
  const cachedWhileWaiting = worker.getStatus().numCachedWorkflows;
  const sample = runWorkflowId(published.workflowId, triggers[0]!.id);
  const waitingHistory = await historyOf(stack.client, sample);

  const delivering = performance.now();
  await ingest(stack.deps, tenant.id, clients.map((clientId) => paymentRecorded(tenant.id, clientId)));
  const completedRuns = () => stack.db.run.count({ where: { workflowId: published.workflowId, status: 'COMPLETED' } });
  await waitFor(`${runs} runs to complete`, async () => (await completedRuns()) === runs, 20 * 60_000);
  const deliverMs = performance.now() - delivering;
  const completed = await settledMemory();

  // Not triggered, so the dispatcher of this process never starts runs of it.
  const probeTenant = await createTenant(stack.db, 'Bench: memory probe');
  const probed = await publish(stack.db, probeTenant.id, waitingWorkflow, { triggered: false });
  const { databaseUrl, temporalAddress } = stack.infrastructure;
  const probes: WaitingFigures['probes'] = [];
  for (const kind of ['interpreter run', 'idle wait, own bundle', 'idle wait, interpreter bundle'] as const) {
    const config: ProbeConfig = { kind, count: runs, databaseUrl, temporalAddress, ...(kind === 'interpreter run' ? { published: probed } : {}) };
    probes.push({ kind, count: runs, ...(await runProbe(config)) });
  }

  return {
    runs,
    maxCachedWorkflows: worker.options.maxCachedWorkflows,
    cachedWhileWaiting,
    collected: collects,
    memory: { before, waiting, completed },
    allWaitingMs,
    waitingHistory,
    deliverMs,
    completedHistory: await historyOf(stack.client, sample),
    probes,
  };
}
