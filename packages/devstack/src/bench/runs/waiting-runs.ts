import { randomUUID } from 'node:crypto';
import { runWorkflowId } from '@cascade/temporal';
import { releaseSignal } from './baseline-workflows';
import { waitingWorkflow } from './definitions';
import { ingest, invoiceOverdue, paymentRecorded } from './events';
import { historyOf, rssOfChild, type HistoryFigures } from './profile';
import { createTenant, publish, type BenchStack, type BenchWorker } from './stack';
import { sleep, waitFor } from './stats';

export interface MemoryFigures {
  rss: number;
  heapUsed: number;
  /** Resident memory of the Temporal dev server this bench started. */
  temporalRss: number | undefined;
}

/** What `count` cached, waiting workflows of one kind cost: worker RSS growth and one's history. */
export interface IdleWaitFigures {
  bundle: string;
  count: number;
  rssGrowth: number;
  history: HistoryFigures;
}

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
  idleWaits: IdleWaitFigures[];
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Memory once it has settled: a full collection of the main thread (the workflow threads collect
 * on their own), then readings a second apart until RSS moves less than 8 MiB (at most 20 s), so
 * memory earlier work is still handing back is not counted as held.
 */
async function memory(): Promise<MemoryFigures> {
  let previous = Infinity;
  for (let second = 0; second < 20; second++) {
    gc?.();
    await sleep(1_000);
    const { rss } = process.memoryUsage();
    if (Math.abs(rss - previous) < 8 * 1024 * 1024) break;
    previous = rss;
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed, temporalRss: rssOfChild('temporal') };
}

/** `count` workflows that only wait for a signal, on `worker`; measured while all wait, then released. */
async function idleWaits(stack: BenchStack, { worker, taskQueue }: BenchWorker, bundle: string, count: number): Promise<IdleWaitFigures> {
  const before = await memory();
  const cached = worker.getStatus().numCachedWorkflows;
  const ids = Array.from({ length: count }, () => `idle:${randomUUID()}`);
  const inChunks = async (each: (id: string) => Promise<unknown>) => {
    for (let index = 0; index < ids.length; index += 50) await Promise.all(ids.slice(index, index + 50).map(each));
  };
  await inChunks((workflowId) => stack.client.workflow.start('idleWaitWorkflow', { taskQueue, workflowId, requestEagerStart: true }));
  await waitFor(`${count} idle workflows cached`, async () => worker.getStatus().numCachedWorkflows >= cached + count, 5 * 60_000);
  const waiting = await memory();
  const history = await historyOf(stack.client, ids[0]!);
  await inChunks((workflowId) => stack.client.workflow.getHandle(workflowId).signal(releaseSignal));
  await inChunks((workflowId) => stack.client.workflow.getHandle(workflowId).result());
  return { bundle, count, rssGrowth: waiting.rss - before.rss, history };
}

/** Section 3: `runs` runs waiting on correlated events at once, started and then released through the dispatcher. */
export async function measureWaitingRuns(stack: BenchStack, runs: number): Promise<WaitingFigures> {
  const tenant = await createTenant(stack.db, 'Bench: waiting runs');
  const published = await publish(stack.db, tenant.id, waitingWorkflow);
  const { worker } = stack.workers.interpreter;
  stack.startDispatcher();
  const clients = Array.from({ length: runs }, () => randomUUID());
  const triggers = clients.map((clientId) => invoiceOverdue(tenant.id, clientId));
  const before = await memory();

  const started = performance.now();
  await ingest(stack.deps, tenant.id, triggers);
  const openWaits = () => stack.db.wait.count({ where: { tenantId: tenant.id, closedAt: null } });
  await waitFor(`${runs} open waits`, async () => (await openWaits()) === runs, 10 * 60_000);
  const allWaitingMs = performance.now() - started;
  const waiting = await memory();
  const cachedWhileWaiting = worker.getStatus().numCachedWorkflows;
  const sample = runWorkflowId(published.workflowId, triggers[0]!.id);
  const waitingHistory = await historyOf(stack.client, sample);

  const delivering = performance.now();
  await ingest(stack.deps, tenant.id, clients.map((clientId) => paymentRecorded(tenant.id, clientId)));
  const completedRuns = () => stack.db.run.count({ where: { workflowId: published.workflowId, status: 'COMPLETED' } });
  await waitFor(`${runs} runs to complete`, async () => (await completedRuns()) === runs, 20 * 60_000);
  const deliverMs = performance.now() - delivering;
  const completed = await memory();

  return {
    runs,
    maxCachedWorkflows: worker.options.maxCachedWorkflows,
    cachedWhileWaiting,
    collected: gc !== undefined,
    memory: { before, waiting, completed },
    allWaitingMs,
    waitingHistory,
    deliverMs,
    completedHistory: await historyOf(stack.client, sample),
    idleWaits: [
      await idleWaits(stack, stack.workers.handWritten, "hand-written workflows' own", runs),
      await idleWaits(stack, stack.workers.handWrittenInInterpreterBundle, "the interpreter's", runs),
    ],
  };
}
