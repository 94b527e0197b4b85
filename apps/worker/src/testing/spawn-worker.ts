import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

const WORKER_SCRIPT = fileURLToPath(new URL('./worker-process.ts', import.meta.url));

export interface WorkerProcessOptions {
  taskQueue: string;
  /** A file holding pre-bundled workflow code: another build's interpreter. */
  workflowBundlePath?: string;
  /** How Temporal's history names the worker. */
  identity?: string;
}

/** A worker process (worker-process.ts) on the test database and dev server; resolves once it polls. */
export async function startWorkerProcess(options: WorkerProcessOptions): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_SCRIPT], {
    env: {
      ...process.env,
      DATABASE_URL: inject('databaseUrl'),
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TASK_QUEUE: options.taskQueue,
      ...(options.workflowBundlePath ? { WORKFLOW_BUNDLE: options.workflowBundlePath } : {}),
      ...(options.identity ? { WORKER_IDENTITY: options.identity } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Its log goes to the error only: a killed worker's warnings are what the tests that kill expect.
  let log = '';
  child.stderr!.on('data', (chunk) => (log = (log + String(chunk)).slice(-4000)));
  let output = '';
  for await (const chunk of child.stdout!) {
    output += String(chunk);
    if (output.includes('ready')) return child;
  }
  throw new Error(`the worker process exited before polling (code ${child.exitCode}):\n${log}`);
}
