import { randomUUID } from 'node:crypto';
import { createDatabase, DISPATCH_CHANNEL } from '@cascade/db';
import { createLogger } from '@cascade/logger';
import { activeTracing } from '@cascade/telemetry/setup';
import { connectNativeTemporal } from '@cascade/temporal/native';
import { startDispatcher } from '../dispatcher/dispatcher';
import { createEventRouter } from '../dispatcher/route-event';
import { installTemporalRuntime } from '../temporal-runtime';
import { tracingClientInterceptors } from '../tracing';
import { bundleWorkflows } from '../workflow-bundle';
import { createCascadeWorker, createTestRunWorker } from '../worker';
import { testDependencies } from './run-harness';

export interface EmbeddedWorkerOptions {
  databaseUrl: string;
  temporalAddress: string;
  /** Where email.send delivers (a mail capture server). */
  smtpUrl?: string;
  /** Also serve drafts' test runs on this task queue (the web app's CASCADE_TEST_TASK_QUEUE). */
  testTaskQueue?: string;
}

/**
 * What the worker's main.ts runs, in the calling test's process: the Temporal worker with the
 * real activities and the real dispatcher, on a task queue of its own. Tests of other packages
 * (the web app's routes) publish events through their own path and watch real runs.
 */
export async function startEmbeddedWorker(options: EmbeddedWorkerOptions): Promise<{ stop(): Promise<void> }> {
  try {
    // As the worker's own test setup does: the SDK's errors only, not its lifecycle lines.
    installTemporalRuntime(createLogger('worker-test'), 'ERROR');
  } catch {
    // The process has its runtime already (the worker's test setup, or an earlier call).
  }
  const db = createDatabase(options.databaseUrl);
  // Traced as main.ts traces, when the test process started tracing.
  const tracing = activeTracing();
  const { connection, client } = await connectNativeTemporal({ address: options.temporalAddress, namespace: 'default', interceptors: tracingClientInterceptors(tracing) });
  const taskQueue = `test-${randomUUID()}`;
  const dependencies = testDependencies(db, 60_000, options.smtpUrl);
  const workflowBundle = options.testTaskQueue ? await bundleWorkflows(tracing) : undefined;
  const worker = await createCascadeWorker({ connection, namespace: 'default', taskQueue, dependencies, tracing, ...(workflowBundle ? { workflowBundle } : {}) });
  const testRunWorker =
    options.testTaskQueue && workflowBundle
      ? await createTestRunWorker({ connection, namespace: 'default', taskQueue: options.testTaskQueue, dependencies, tracing, workflowBundle })
      : undefined;
  const running = Promise.all([worker.run(), testRunWorker?.run()]);
  const dispatcher = startDispatcher({
    db,
    databaseUrl: options.databaseUrl,
    channel: DISPATCH_CHANNEL,
    logger: dependencies.logger,
    idlePollMs: 200,
    dispatchEvents: createEventRouter({ db, client, taskQueue, logger: dependencies.logger }).routeEvents,
  });
  return {
    async stop() {
      await dispatcher.stop();
      worker.shutdown();
      testRunWorker?.shutdown();
      await running;
      await connection.close();
      await db.$disconnect();
    },
  };
}
