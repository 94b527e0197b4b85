import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getEventDefinition } from '@cascade/catalog';
import { DISPATCH_CHANNEL, createDatabase, type Database } from '@cascade/db';
import { getFreePort, startTemporalDevServer } from '@cascade/devstack';
import { createIsolatedDatabase } from '@cascade/devstack/testing';
import { createIngestion, DEFAULT_RESTRICTED_NAMESPACES } from '@cascade/ingestion';
import { createLogger } from '@cascade/logger';
import { connectNativeTemporal, type NativeTemporal } from '@cascade/temporal/native';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually, testDependencies } from '../testing/run-harness';
import { createCascadeWorker } from '../worker';
import { startDispatcher } from './dispatcher';
import { createEventRouter } from './route-event';

// Both restarts need servers of their own: an isolated database (the dispatcher drains the whole
// dispatch table) and a Temporal dev server this test may stop, on a file that survives it.
const logger = createLogger('restart-test', { level: process.env.CASCADE_TEST_VERBOSE ? 'info' : 'silent' });
let databaseUrl: string;
let db: Database;
let tenantId: string;
let temporalDir: string;
let temporalPort: number;
let temporalMetricsPort: number;
let temporal: Awaited<ReturnType<typeof startTemporalDevServer>>;
const taskQueue = 'restart-test';

const startTemporal = () => startTemporalDevServer({ dbFile: path.join(temporalDir, 'temporal.db'), port: temporalPort, metricsPort: temporalMetricsPort });

beforeAll(async () => {
  databaseUrl = await createIsolatedDatabase();
  db = createDatabase(databaseUrl);
  tenantId = (await db.tenant.create({ data: { slug: 'restarts', name: 'Restarts' } })).id;
  temporalDir = await mkdtemp(path.join(os.tmpdir(), 'cascade-restart-'));
  temporalPort = await getFreePort();
  temporalMetricsPort = await getFreePort();
  temporal = await startTemporal();
  const definition = {
    schemaVersion: 1, name: 'Count', nodes: [{ id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' }, { id: 'done', type: 'end' }],
    edges: [{ id: 'e0', from: 'start', to: 'done' }],
  };
  const workflow = await db.workflow.create({ data: { tenantId, name: 'Count', draft: definition } });
  const version = await db.workflowVersion.create({ data: { tenantId, workflowId: workflow.id, version: 1, definition } });
  await db.trigger.create({ data: { tenantId, workflowId: workflow.id, versionId: version.id, eventType: 'INVOICE_OVERDUE' } });
}, 120_000);

afterAll(async () => {
  await temporal?.stop();
  await db?.$disconnect();
  if (temporalDir) await rm(temporalDir, { recursive: true, force: true });
});

/** One worker process: the Temporal worker and the dispatcher, as main.ts runs them. */
async function startNode(retry: { maxAttempts: number; initialBackoffMs: number } = { maxAttempts: 100, initialBackoffMs: 200 }) {
  const connection: NativeTemporal = await connectNativeTemporal({ address: `127.0.0.1:${temporalPort}`, namespace: 'default' });
  const worker: Worker = await createCascadeWorker({ connection: connection.connection, namespace: 'default', taskQueue, dependencies: testDependencies(db) });
  const running = worker.run();
  const dispatcher = startDispatcher({
    db, databaseUrl, channel: DISPATCH_CHANNEL, logger, idlePollMs: 200, maxBackoffMs: 1_000, maxOutagePauseMs: 1_000, ...retry,
    dispatchEvents: createEventRouter({ db, client: connection.client, taskQueue, logger }).routeEvents,
  });
  return {
    async stop() {
      await dispatcher.stop();
      worker.shutdown();
      await running.catch(() => undefined);
      await connection.connection.close();
    },
  };
}

const ingestion = () => createIngestion(db);
async function publish(count: number): Promise<void> {
  const example = getEventDefinition('INVOICE_OVERDUE')!.example as object;
  const items = Array.from({ length: count }, () => ({ type: 'INVOICE_OVERDUE', source: 'restart-test', data: { ...example, tenantId } }));
  const result = await ingestion().ingest({ tenantId, id: 'test', namespaces: [] }, items, { restrictedNamespaces: DEFAULT_RESTRICTED_NAMESPACES, maxCausationDepth: 20 });
  expect(result.rejected).toEqual([]);
}

/** Every accepted event dispatched, and exactly one completed run per event. */
async function expectEveryEventRunOnce(): Promise<number> {
  const events = await db.event.count({ where: { tenantId } });
  await eventually(async () => ((await db.dispatch.count({ where: { tenantId, status: 'DISPATCHED' } })) === events ? true : undefined), 60_000);
  await eventually(async () => ((await db.run.count({ where: { tenantId, status: 'COMPLETED' } })) === events ? true : undefined), 60_000);
  const perEvent = await db.run.groupBy({ by: ['eventId'], where: { tenantId }, _count: true });
  expect(perEvent).toHaveLength(events);
  expect(perEvent.every((group) => group._count === 1)).toBe(true);
  return events;
}

it('dispatches every event exactly once across a worker restart and a Temporal restart mid-stream', async () => {
  let node = await startNode();
  await publish(10);
  await node.stop(); // the worker goes down mid-stream …
  await publish(10); // … events are still accepted …
  expect(await db.dispatch.count({ where: { tenantId, status: 'PENDING' } })).toBeGreaterThan(0);
  node = await startNode(); // … and dispatched once it is back
  await publish(10);
  expect(await expectEveryEventRunOnce()).toBe(30);

  await temporal.stop(); // Temporal goes down mid-stream …
  await publish(10); // … events are accepted, dispatch attempts fail and back off …
  await eventually(async () => ((await db.dispatch.count({ where: { tenantId, status: 'PENDING', attempts: { gt: 0 } } })) > 0 ? true : undefined));
  temporal = await startTemporal(); // … and succeed once it is back, on the same history
  await publish(10);
  expect(await expectEveryEventRunOnce()).toBe(50);
  expect(await db.dispatch.count({ where: { tenantId, status: 'DEAD' } })).toBe(0);
  await node.stop();
}, 180_000);

it('holds dispatch through a Temporal outage: no attempt used, nothing dead-lettered, every run started once it is back', async () => {
  // One attempt per event: without the breaker, the outage's first failed start dead-letters it.
  const node = await startNode({ maxAttempts: 1, initialBackoffMs: 50 });
  const before = await db.event.count({ where: { tenantId } });
  await temporal.stop();
  await publish(20);
  // A start against a stopped server fails after the client's own retries (about 10 s).
  const released = { tenantId, lastError: { contains: 'Temporal was unreachable' } };
  await eventually(async () => ((await db.dispatch.count({ where: released })) === 20 ? true : undefined), 60_000);
  const held = await db.dispatch.findMany({ where: { tenantId, status: { not: 'DISPATCHED' } }, select: { status: true, attempts: true } });
  expect(held).toHaveLength(20);
  // Pending, and none has used an attempt (one may be out probing).
  expect(held.filter((row) => row.status !== 'PENDING' || row.attempts > 1)).toEqual([]);
  expect(held.filter((row) => row.attempts === 1).length).toBeLessThanOrEqual(1);

  temporal = await startTemporal();
  expect(await expectEveryEventRunOnce()).toBe(before + 20);
  expect(await db.dispatch.count({ where: { tenantId, status: 'DEAD' } })).toBe(0);
  await node.stop();
}, 180_000);
