/**
 * A fresh worker process that holds `count` waiting workflows of one kind and reports what they
 * cost it: in a process of its own, memory freed by earlier work cannot hide the growth. Forked by
 * waiting-runs.ts; reports over IPC.
 */
import { randomUUID } from 'node:crypto';
import { getEventDefinition } from '@cascade/catalog';
import { WORKFLOW_NAMES, type RunEvent, type RunInput } from '@cascade/temporal';
import { createActivities } from '@cascade/worker/activities';
import { createBaselineActivities } from './baseline-activities';
import { settledMemory, type MemoryFigures } from './memory';
import { historyOf, type HistoryFigures } from './profile';
import { BUNDLES, connectWorkerProcess, createBenchWorker, type Published } from './stack';
import { waitFor } from './stats';

export type ProbeKind = 'interpreter run' | 'idle wait, own bundle' | 'idle wait, interpreter bundle';

export interface ProbeConfig {
  kind: ProbeKind;
  count: number;
  databaseUrl: string;
  temporalAddress: string;
  /** The waiting workflow the interpreter runs (kind 'interpreter run'). */
  published?: Published;
}

export interface ProbeResult {
  before: MemoryFigures;
  waiting: MemoryFigures;
  cached: number;
  maxCachedWorkflows: number;
  history: HistoryFigures;
}

/** A run of the waiting workflow for an overdue invoice of its own client, started without an event row (runs do not need one). */
function waitingRunInput(published: Published): RunInput {
  const { tenantId, workflowId, versionId, version, definition } = published;
  const example = getEventDefinition('INVOICE_OVERDUE')?.example as Record<string, unknown>;
  const event: RunEvent = {
    id: randomUUID(), type: 'INVOICE_OVERDUE', version: 1, timestamp: new Date().toISOString(), source: 'bench', tenantId,
    correlationId: null, causationId: null, actor: null, metadata: null, data: { ...example, tenantId, clientId: randomUUID() },
  };
  return { run: { id: randomUUID(), tenantId, workflowId, versionId, version }, definition, event };
}

const WARMUP = 20;
const progress = (line: string) => process.env.BENCH_VERBOSE !== undefined && console.log(`[memory probe] ${line}`);

async function probe(config: ProbeConfig): Promise<void> {
  const { db, connection, client, deps } = await connectWorkerProcess(config.databaseUrl, config.temporalAddress);
  const interpreter = config.kind === 'interpreter run';
  // The interpreter's bundle with the hand-written module beside it, for collectGarbageWorkflow; a run evaluates both either way.
  const bundle = config.kind === 'idle wait, own bundle' ? BUNDLES.handWritten : BUNDLES.handWrittenInInterpreterBundle;
  const activities = interpreter ? createActivities(deps) : { ...createActivities(deps), ...createBaselineActivities(deps) };
  const { worker, taskQueue } = await createBenchWorker(connection, bundle, activities, undefined);
  const running = worker.run();
  const memory = async (): Promise<MemoryFigures> => {
    const collected = await client.workflow.execute('collectGarbageWorkflow', { taskQueue, workflowId: `gc:${randomUUID()}`, requestEagerStart: true });
    if (!collected) throw new Error('the workflow thread cannot collect garbage: run the probe with --expose-gc');
    return settledMemory();
  };
  const start = (workflowId: string) =>
    interpreter
      ? client.workflow.start(WORKFLOW_NAMES.run, { taskQueue, workflowId, args: [waitingRunInput(config.published!)], requestEagerStart: true })
      : client.workflow.start('idleWaitWorkflow', { taskQueue, workflowId, requestEagerStart: true });
  const ids = Array.from({ length: WARMUP + config.count }, () => `probe:${randomUUID()}`);
  const inChunks = async (chosen: string[], each: (id: string) => Promise<unknown>) => {
    for (let index = 0; index < chosen.length; index += 50) await Promise.all(chosen.slice(index, index + 50).map(each));
  };
  const allWaiting = async (count: number) => {
    await waitFor(`${count} cached workflows`, async () => worker.getStatus().numCachedWorkflows >= count, 10 * 60_000);
    const tenantId = config.published?.tenantId;
    if (tenantId) await waitFor(`${count} open waits`, async () => (await db.wait.count({ where: { tenantId, closedAt: null } })) >= count, 10 * 60_000);
  };

  // The first workflows also pay for the workflow thread's context; those are not what one more costs.
  await inChunks(ids.slice(0, WARMUP), start);
  await allWaiting(WARMUP);
  const before = await memory();
  progress(`${config.kind}: ${WARMUP} waiting, starting ${config.count} more`);
  await inChunks(ids.slice(WARMUP), start);
  await allWaiting(WARMUP + config.count);
  progress(`${config.kind}: all waiting`);
  const waiting = await memory();
  const result: ProbeResult = { before, waiting, cached: worker.getStatus().numCachedWorkflows, maxCachedWorkflows: worker.options.maxCachedWorkflows, history: await historyOf(client, ids.at(-1)!) };
  process.send!(result);

  await inChunks(ids, (workflowId) => client.workflow.getHandle(workflowId).terminate('memory probe done'));
  worker.shutdown();
  await running;
  await connection.close();
  await db.$disconnect();
}

await probe(JSON.parse(process.env.BENCH_PROBE!) as ProbeConfig);
process.disconnect(); // the IPC channel would keep this process alive
