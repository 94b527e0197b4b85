import { randomUUID } from 'node:crypto';
import { getEventDefinition } from '@cascade/catalog';
import { DISPATCH_CHANNEL, createDatabase, type Database } from '@cascade/db';
import { createIsolatedDatabase } from '@cascade/devstack/testing';
import { createIngestion, DEFAULT_RESTRICTED_NAMESPACES } from '@cascade/ingestion';
import { createLogger } from '@cascade/logger';
import { runWorkflowId } from '@cascade/temporal';
import { connectNativeTemporal, type NativeTemporal } from '@cascade/temporal/native';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { testDependencies } from '../testing/run-harness';
import { createCascadeWorker } from '../worker';
import { startDispatcher } from './dispatcher';
import { createEventRouter } from './route-event';

// An isolated database: the dispatcher drains the whole dispatch table.
const logger = createLogger('fairness-test', { level: 'silent' });
const BACKLOG = 5_000;
let databaseUrl: string;
let db: Database;
let temporal: NativeTemporal;

beforeAll(async () => {
  databaseUrl = await createIsolatedDatabase();
  db = createDatabase(databaseUrl);
  temporal = await connectNativeTemporal({ address: inject('temporalAddress'), namespace: 'default' });
});
afterAll(async () => {
  await temporal?.connection.close();
  await db?.$disconnect();
});

/** A tenant with a published workflow that runs once for each INVOICE_OVERDUE. */
async function tenantWithWorkflow(name: string) {
  const tenantId = (await db.tenant.create({ data: { slug: `${name}-${randomUUID()}`, name } })).id;
  const definition = {
    schemaVersion: 1, name, nodes: [{ id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' }, { id: 'done', type: 'end' }],
    edges: [{ id: 'e0', from: 'start', to: 'done' }],
  };
  const workflow = await db.workflow.create({ data: { tenantId, name, draft: definition } });
  const version = await db.workflowVersion.create({ data: { tenantId, workflowId: workflow.id, version: 1, definition } });
  await db.trigger.create({ data: { tenantId, workflowId: workflow.id, versionId: version.id, eventType: 'INVOICE_OVERDUE' } });
  return { tenantId, workflowId: workflow.id };
}

async function publish(tenantId: string, count: number): Promise<string[]> {
  const example = getEventDefinition('INVOICE_OVERDUE')!.example as object;
  const ids: string[] = [];
  for (let done = 0; done < count; done += 1_000) {
    const items = Array.from({ length: Math.min(1_000, count - done) }, () => ({ type: 'INVOICE_OVERDUE', source: 'fairness-test', data: { ...example, tenantId } }));
    const result = await createIngestion(db).ingest({ tenantId, id: 'test', namespaces: [] }, items, { restrictedNamespaces: DEFAULT_RESTRICTED_NAMESPACES, maxCausationDepth: 20 });
    expect(result.rejected).toEqual([]);
    ids.push(...result.accepted.map((accepted) => accepted.id));
  }
  return ids;
}

it(`starts tenant B's run in the first claims, although ${BACKLOG.toLocaleString('en')} of tenant A's events were pending before it`, async () => {
  const [flooder, quiet] = [await tenantWithWorkflow('flooder'), await tenantWithWorkflow('quiet')];
  await publish(flooder.tenantId, BACKLOG);
  const [quietEvent] = await publish(quiet.tenantId, 1);

  const taskQueue = `fairness-${randomUUID()}`;
  const worker = await createCascadeWorker({ connection: temporal.connection, namespace: 'default', taskQueue, dependencies: testDependencies(db) });
  const running = worker.run();
  const startedAt = Date.now();
  const dispatcher = startDispatcher({
    db, databaseUrl, channel: DISPATCH_CHANNEL, logger, idlePollMs: 100,
    dispatchEvents: createEventRouter({ db, client: temporal.client, taskQueue, logger }).routeEvents,
  });
  const quietRun = temporal.client.workflow.getHandle(runWorkflowId(quiet.workflowId, quietEvent!));
  let runStartedAt: Date | undefined;
  try {
    while (!runStartedAt) {
      runStartedAt = await quietRun.describe().then((run) => run.startTime, () => undefined);
      if (!runStartedAt && Date.now() - startedAt > 180_000) throw new Error('tenant B’s run did not start in 3 minutes');
      if (!runStartedAt) await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    await dispatcher.stop();
    worker.shutdown();
    await running.catch(() => undefined);
  }
  const flooderDispatched = await db.dispatch.count({ where: { tenantId: flooder.tenantId, status: 'DISPATCHED' } });
  console.log(
    `[fairness] B's one event behind ${BACKLOG} of A's: its run started ${runStartedAt.getTime() - startedAt} ms after the dispatcher; ` +
      `A's events dispatched by then (and in the same claim): ${flooderDispatched}`,
  );
  // Old-first claims dispatched all 5,000 of A's events (ten claims of 500, each starting its runs) first.
  expect(flooderDispatched).toBeLessThanOrEqual(1_000);
}, 240_000);
