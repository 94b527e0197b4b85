import { fileURLToPath } from 'node:url';
import { TASK_QUEUE } from '@cascade/temporal';
import type { Tracing } from '@cascade/telemetry/setup';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDependencies } from './activities/index';
import { createTestRunActivities } from './test-runs/test-run-activities';
import { tracingWorkerOptions } from './tracing';

export const WORKFLOWS_PATH = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

export interface CascadeWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  dependencies: ActivityDependencies;
  taskQueue?: string;
  /** Pre-bundled workflow code (tests bundle once and share it); bundled from source when absent. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /**
   * The process's tracing, when on: workflows and activities continue the trace of the run's start.
   * The workflow interceptors are bundled into the workflow code, so a `workflowBundle` must hold them.
   */
  tracing?: Tracing;
  /** How Temporal's history names this worker; the SDK's `pid@host` when absent. */
  identity?: string;
}

/** The Cascade worker: the workflows of ./workflows and the activities of ./activities on one task queue. */
export function createCascadeWorker(options: CascadeWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities(options.dependencies),
    ...(options.identity ? { identity: options.identity } : {}),
    shutdownGraceTime: '10s',
    ...tracingWorkerOptions(options.tracing),
  });
}

/**
 * The worker of drafts' test runs: the same workflows on the test task queue, with activities that
 * record instead of acting (test-runs/test-run-activities.ts), so no test run mixes with production.
 */
export function createTestRunWorker(options: CascadeWorkerOptions & { taskQueue: string }): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: createTestRunActivities(options.dependencies),
    shutdownGraceTime: '10s',
    ...tracingWorkerOptions(options.tracing),
  });
}
