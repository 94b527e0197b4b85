import { randomUUID } from 'node:crypto';
import { createDatabase } from '@cascade/db';
import { createIsolatedDatabase, startMailCapture } from '@cascade/devstack/testing';
import { inject } from 'vitest';

/**
 * Type-checking the worker's sources under the web app's compiler options (its DOM lib, where
 * Node's fetch options do not exist) would fail; the worker checks them under its own. So its
 * testing entry is imported by a specifier TypeScript does not follow, typed by this interface.
 */
const WORKER_TESTING = '@cascade/worker/testing';
interface WorkerTesting {
  startEmbeddedWorker(options: { databaseUrl: string; temporalAddress: string; smtpUrl?: string; testTaskQueue?: string }): Promise<{ stop(): Promise<void> }>;
}

/**
 * Cascade's worker (Temporal worker and dispatcher) running beside the route handlers, on a
 * database of this test file's own: events published through the routes start real runs, whose
 * emitted events land in the same event log, and whose e-mail goes to a capture server. The
 * dispatcher drains every pending event of its database; on the shared one it would take other
 * test files' events, hence the database of its own.
 *
 * Call it before anything reads the web app's environment or database (at the top of the file).
 */
export async function startWorkerStack() {
  const databaseUrl = await createIsolatedDatabase();
  process.env.DATABASE_URL = databaseUrl;
  // Test runs started through the routes go to this file's worker, not another file's.
  const testTaskQueue = `test-runs-${randomUUID()}`;
  process.env.CASCADE_TEST_TASK_QUEUE = testTaskQueue;
  const mailDb = createDatabase(databaseUrl, { maxConnections: 2 });
  const mail = await startMailCapture({ db: mailDb });
  const { startEmbeddedWorker } = (await import(/* @vite-ignore */ WORKER_TESTING)) as WorkerTesting;
  const worker = await startEmbeddedWorker({ databaseUrl, temporalAddress: inject('temporalAddress'), smtpUrl: mail.url, testTaskQueue });
  return {
    async stop() {
      await worker.stop();
      await mail.stop();
      await mailDb.$disconnect();
    },
  };
}

/** Polls until `check` gives a value (not undefined): runs and their events come from another loop. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
