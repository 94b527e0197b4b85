import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, DISPATCH_CHANNEL, type Database, type Prisma } from '@cascade/db';
import { createIngestion, DEFAULT_RESTRICTED_NAMESPACES } from '@cascade/ingestion';
import { createLogger } from '@cascade/logger';
import { createSecretStore } from '@cascade/secrets';
import { connectNativeTemporal } from '@cascade/temporal/native';
import type { WorkflowDefinition } from '@cascade/workflow';
import { Worker, type NativeConnection } from '@temporalio/worker';
import { createActivities, type ActivityDependencies } from '@cascade/worker/activities';
import { createEventRouter, startDispatcher } from '@cascade/worker/dispatcher';
import { createActionServices } from '@cascade/worker/services';
import { installTemporalRuntime } from '@cascade/worker/temporal-runtime';
import { WORKFLOWS_PATH } from '@cascade/worker/worker';
import { startInfrastructure } from '../../infrastructure';
import { getFreePort } from '../../ports';
import { createBaselineActivities } from './baseline-activities';
import { ActivityTimer } from './profile';

export const BUNDLES = {
  /** The interpreter as the Cascade worker bundles it. */
  interpreter: WORKFLOWS_PATH,
  /** The hand-written baseline alone. */
  handWritten: fileURLToPath(new URL('./baseline-workflows.ts', import.meta.url)),
  /** The hand-written workflows bundled with the interpreter's modules. */
  handWrittenInInterpreterBundle: fileURLToPath(new URL('./interpreter-bundle-workflows.ts', import.meta.url)),
};

/** A worker of the bench and the task queue its runs are started on. */
export interface BenchWorker {
  worker: Worker;
  taskQueue: string;
}

/** The options createCascadeWorker (apps/worker/src/worker.ts) gives the Cascade worker, with activities the bench can time. */
export async function createBenchWorker(
  connection: NativeConnection,
  workflowsPath: string,
  activities: Record<string, (...args: never[]) => Promise<unknown>>,
  maxCachedWorkflows: number | undefined,
): Promise<BenchWorker> {
  const taskQueue = `bench-${randomUUID()}`;
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue,
    workflowsPath,
    activities,
    shutdownGraceTime: '10s',
    ...(maxCachedWorkflows ? { maxCachedWorkflows } : {}),
  });
  return { worker, taskQueue };
}

/** A published workflow: what the dispatcher's trigger query hands route-event.ts. */
export interface Published {
  tenantId: string;
  workflowId: string;
  versionId: string;
  version: number;
  definition: WorkflowDefinition;
}

/**
 * Throw-away PostgreSQL and Temporal dev server (eager start on), migrated, and in this process
 * what the Cascade worker's main.ts runs: the worker with the real activities on the worker's
 * NativeConnection, a Client on that same connection, and (on demand) the real dispatcher; beside
 * it, the workers of the hand-written baseline.
 */
export async function startBenchStack(options: { maxCachedWorkflows?: number; log: (line: string) => void }) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cascade-bench-runs-'));
  const infrastructure = await startInfrastructure({
    dataDir,
    database: 'cascade_bench_runs',
    postgresPort: await getFreePort(),
    temporalPort: await getFreePort(),
    log: options.log,
  });
  const { db, connection, client, deps, logger } = await connectWorkerProcess(infrastructure.databaseUrl, infrastructure.temporalAddress);
  const timer = new ActivityTimer();
  const cascadeActivities = timer.wrap(createActivities(deps));
  const baselineActivities = timer.wrap(createBaselineActivities(deps));
  // Three workers in this one process, each on its own task queue; only one is busy at a time.
  const workers = {
    /** The Cascade worker: the interpreter's own bundle and the real activities. */
    interpreter: await createBenchWorker(connection, BUNDLES.interpreter, cascadeActivities, options.maxCachedWorkflows),
    /** The hand-written baseline in a bundle of its own. */
    handWritten: await createBenchWorker(connection, BUNDLES.handWritten, baselineActivities, options.maxCachedWorkflows),
    /** The same hand-written workflows, bundled with the interpreter's modules. */
    handWrittenInInterpreterBundle: await createBenchWorker(
      connection,
      BUNDLES.handWrittenInInterpreterBundle,
      { ...cascadeActivities, ...baselineActivities },
      options.maxCachedWorkflows,
    ),
  };
  const running = Promise.all(Object.values(workers).map(({ worker }) => worker.run()));
  let dispatcher: { stop(): Promise<void> } | undefined;

  return {
    db,
    connection,
    client,
    deps,
    workers,
    infrastructure,
    timer,

    /** The dispatcher as main.ts starts it, on the bench worker's task queue. */
    startDispatcher() {
      dispatcher ??= startDispatcher({
        db,
        databaseUrl: infrastructure.databaseUrl,
        channel: DISPATCH_CHANNEL,
        logger,
        dispatchEvents: createEventRouter({ db, client, taskQueue: workers.interpreter.taskQueue, logger }).routeEvents,
      });
    },

    async stop() {
      await dispatcher?.stop();
      // A signal (Ctrl-C) has already shut the workers down.
      for (const { worker } of Object.values(workers)) if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
      await db.$disconnect();
      await infrastructure.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type BenchStack = Awaited<ReturnType<typeof startBenchStack>>;

/** What a worker process holds, as main.ts builds it: database, native connection and client, activity dependencies. */
export async function connectWorkerProcess(databaseUrl: string, temporalAddress: string) {
  const logger = createLogger('bench-worker', { level: process.env.LOG_LEVEL ?? 'warn' });
  installTemporalRuntime(logger);
  const db = createDatabase(databaseUrl);
  const { connection, client } = await connectNativeTemporal({ address: temporalAddress, namespace: 'default' });
  const deps: ActivityDependencies = {
    db,
    ingestion: createIngestion(db),
    ingestOptions: { restrictedNamespaces: DEFAULT_RESTRICTED_NAMESPACES, maxCausationDepth: 20 },
    logger,
    services: createActionServices({ db, allowedPrivateHosts: [] }),
    secrets: createSecretStore(db, randomBytes(32)),
    eventBufferMs: 60_000,
  };
  return { db, connection, client, deps, logger };
}

export async function createTenant(db: Database, name: string) {
  return db.tenant.create({ data: { slug: `bench-${randomUUID()}`, name } });
}

/** Stores `definition` as version 1 of a new workflow with its trigger (unless `triggered` is false), as publishing does. */
export async function publish(db: Database, tenantId: string, definition: WorkflowDefinition, { triggered = true } = {}): Promise<Published> {
  const json = definition as unknown as Prisma.InputJsonObject;
  const workflow = await db.workflow.create({ data: { tenantId, name: definition.name, draft: json } });
  const version = await db.workflowVersion.create({ data: { tenantId, workflowId: workflow.id, version: 1, definition: json } });
  const trigger = definition.nodes.find((node) => node.type === 'trigger');
  if (trigger?.type !== 'trigger') throw new Error(`${definition.name} has no trigger`);
  if (triggered) await db.trigger.create({ data: { tenantId, workflowId: workflow.id, versionId: version.id, eventType: trigger.event, filter: trigger.filter ?? null } });
  return { tenantId, workflowId: workflow.id, versionId: version.id, version: 1, definition };
}
