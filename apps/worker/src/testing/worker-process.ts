/**
 * A Cascade worker alone in a process of its own, for tests that kill it or run another build: polls
 * TASK_QUEUE on TEMPORAL_ADDRESS with the activities on DATABASE_URL, and says "ready" on stdout
 * once polling. WORKFLOW_BUNDLE names a file of pre-bundled workflow code; WORKER_IDENTITY names
 * the worker in Temporal's history. Started by spawn-worker.ts.
 *   node --import tsx apps/worker/src/testing/worker-process.ts
 */
import { readFileSync } from 'node:fs';
import { createDatabase } from '@cascade/db';
import { connectNativeTemporal } from '@cascade/temporal/native';
import { createCascadeWorker } from '../worker';
import { testDependencies } from './run-harness';

const { DATABASE_URL, TEMPORAL_ADDRESS, TASK_QUEUE, WORKFLOW_BUNDLE, WORKER_IDENTITY } = process.env;
if (!DATABASE_URL || !TEMPORAL_ADDRESS || !TASK_QUEUE) throw new Error('worker-process needs DATABASE_URL, TEMPORAL_ADDRESS and TASK_QUEUE');

const db = createDatabase(DATABASE_URL);
const temporal = await connectNativeTemporal({ address: TEMPORAL_ADDRESS, namespace: 'default' });
const worker = await createCascadeWorker({
  connection: temporal.connection,
  namespace: 'default',
  taskQueue: TASK_QUEUE,
  dependencies: testDependencies(db),
  ...(WORKFLOW_BUNDLE ? { workflowBundle: { code: readFileSync(WORKFLOW_BUNDLE, 'utf8') } } : {}),
  ...(WORKER_IDENTITY ? { identity: WORKER_IDENTITY } : {}),
});
const running = worker.run();
process.stdout.write('ready\n');
process.once('SIGTERM', () => worker.shutdown());
await running;
await temporal.connection.close();
await db.$disconnect();
