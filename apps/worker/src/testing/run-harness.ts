import { randomUUID } from 'node:crypto';
import { getEventDefinition } from '@cascade/catalog';
import { createDatabase, type Database, type Event, type Prisma } from '@cascade/db';
import { createIngestion, DEFAULT_RESTRICTED_NAMESPACES } from '@cascade/ingestion';
import { createLogger } from '@cascade/logger';
import { createSecretStore, parseSecretKey } from '@cascade/secrets';
import { runWorkflowId, type RunResult } from '@cascade/temporal';
import { connectNativeTemporal } from '@cascade/temporal/native';
import type { WorkflowDefinition } from '@cascade/workflow';
import { inject } from 'vitest';
import type { ActivityDependencies } from '../activities/index';
import { createEventRouter } from '../dispatcher/route-event';
import { countIngested } from '../metrics';
import { createActionServices } from '../services/action-services';
import { bundleWorkflows } from '../workflow-bundle';
import { createCascadeWorker, createTestRunWorker } from '../worker';

export interface HarnessOptions {
  eventBufferMs?: number;
  smtpUrl?: string;
  /** Replace activity dependencies, e.g. to make an action fail. */
  dependencies?: (deps: ActivityDependencies) => ActivityDependencies;
  /** False: no worker in this process; the test runs worker processes on `taskQueue` (worker-process.ts). */
  inProcessWorker?: boolean;
  /** Also serve drafts' test runs, on `testTaskQueue`, as main.ts does. */
  testRuns?: boolean;
}

/** The worker's activity dependencies as main.ts builds them, on the test database. */
export function testDependencies(db: Database, eventBufferMs = 60_000, smtpUrl?: string): ActivityDependencies {
  return {
    db,
    ingestion: createIngestion(db, { ingested: countIngested }),
    ingestOptions: { restrictedNamespaces: DEFAULT_RESTRICTED_NAMESPACES, maxCausationDepth: 20 },
    logger: createLogger('worker-test', { level: process.env.CASCADE_TEST_VERBOSE ? 'info' : 'warn' }),
    services: createActionServices({ db, smtpUrl, allowedPrivateHosts: ['127.0.0.1', 'localhost'] }),
    // Global setup puts a fresh key in the environment, as the devstack does for the worker.
    secrets: createSecretStore(db, parseSecretKey(process.env.CASCADE_SECRET_KEY!)),
    eventBufferMs,
  };
}

/**
 * A real worker on the test dev server, on a task queue of its own, with a fresh tenant and the
 * dispatcher's event router: tests publish workflows, ingest events and watch real runs.
 */
export async function startRunHarness(options: HarnessOptions = {}) {
  const db = createDatabase(inject('databaseUrl'));
  const temporal = await connectNativeTemporal({ address: inject('temporalAddress'), namespace: 'default' });
  const taskQueue = `test-${randomUUID()}`;
  const baseDependencies = testDependencies(db, options.eventBufferMs, options.smtpUrl);
  const { logger, ingestion, ingestOptions } = baseDependencies;
  const dependencies = options.dependencies ? options.dependencies(baseDependencies) : baseDependencies;
  const testTaskQueue = `test-runs-${randomUUID()}`;
  const workflowBundle = options.testRuns ? await bundleWorkflows() : undefined;
  const worker =
    options.inProcessWorker === false
      ? undefined
      : await createCascadeWorker({ connection: temporal.connection, namespace: 'default', taskQueue, dependencies, ...(workflowBundle ? { workflowBundle } : {}) });
  const testRunWorker = workflowBundle
    ? await createTestRunWorker({ connection: temporal.connection, namespace: 'default', taskQueue: testTaskQueue, dependencies, workflowBundle })
    : undefined;
  const running = Promise.all([worker?.run(), testRunWorker?.run()]);
  const { routeEvent } = createEventRouter({ db, client: temporal.client, taskQueue, logger });
  const tenant = await db.tenant.create({ data: { slug: `t-${randomUUID()}`, name: 'Run tenant' } });

  return {
    db,
    client: temporal.client,
    tenant,
    taskQueue,
    testTaskQueue,
    routeEvent,

    /** Stores a workflow with `definition` published as its next version, trigger included. */
    async publish(definition: WorkflowDefinition, workflowId?: string): Promise<{ workflowId: string; versionId: string; version: number }> {
      const json = definition as unknown as Prisma.InputJsonObject;
      const workflow = workflowId
        ? await db.workflow.findUniqueOrThrow({ where: { id: workflowId } })
        : await db.workflow.create({ data: { tenantId: tenant.id, name: `${definition.name} ${randomUUID()}`, draft: json } });
      const version = (await db.workflowVersion.count({ where: { workflowId: workflow.id } })) + 1;
      const row = await db.workflowVersion.create({ data: { tenantId: tenant.id, workflowId: workflow.id, version, definition: json } });
      const trigger = definition.nodes.find((node) => node.type === 'trigger');
      if (trigger?.type === 'trigger') {
        const fields = { tenantId: tenant.id, versionId: row.id, eventType: trigger.event, filter: trigger.filter ?? null };
        await db.trigger.upsert({ where: { workflowId: workflow.id }, create: { workflowId: workflow.id, ...fields }, update: fields });
      }
      return { workflowId: workflow.id, versionId: row.id, version };
    },

    /** Ingests an event of a catalog type: its example payload, with `data` merged over it. */
    async ingest(type: string, data: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}): Promise<Event> {
      const example = getEventDefinition(type)?.example as Record<string, unknown>;
      const id = randomUUID();
      const result = await ingestion.ingest(
        { tenantId: tenant.id, id: 'test', namespaces: [] },
        [{ id, type, source: 'test', data: { ...example, tenantId: tenant.id, ...data }, ...envelope }],
        ingestOptions,
      );
      if (result.rejected.length) throw new Error(`event refused: ${JSON.stringify(result.rejected)}`);
      return db.event.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.id, id } } });
    },

    /** Ingests an event and routes it as the dispatcher would. */
    async publishEvent(type: string, data: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}) {
      const event = await this.ingest(type, data, envelope);
      return { event, routed: await routeEvent(event) };
    },

    resultOf(workflowId: string, eventId: string): Promise<RunResult> {
      return temporal.client.workflow.getHandle(runWorkflowId(workflowId, eventId)).result() as Promise<RunResult>;
    },

    handleOf(workflowId: string, eventId: string) {
      return temporal.client.workflow.getHandle(runWorkflowId(workflowId, eventId));
    },

    async runOf(workflowId: string, eventId: string) {
      return db.run.findFirstOrThrow({
        where: { workflowId, eventId, parentRunId: null },
        include: { steps: { orderBy: { id: 'asc' } } },
      });
    },

    async stop() {
      worker?.shutdown();
      testRunWorker?.shutdown();
      await running;
      await temporal.connection.close();
      await db.$disconnect();
    },
  };
}

export type RunHarness = Awaited<ReturnType<typeof startRunHarness>>;

/** Polls until `check` returns a value (not undefined), for state another process writes. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

