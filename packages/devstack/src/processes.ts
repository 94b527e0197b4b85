import { spawn, type ChildProcess } from 'node:child_process';
import { holdLifeline } from './lifeline';

const COLORS = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[32m'];

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<ProcessExit>;
}

/**
 * Starts a long-running child with its output lines prefixed with its name. It leads its own
 * process group, so stopping it reaches its children too, and it is stopped (SIGTERM to the group)
 * when this process dies, however it dies.
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; index: number },
): ManagedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const color = COLORS[options.index % COLORS.length];
  const prefix = process.stdout.isTTY ? `${color}[${name}]\x1b[0m ` : `[${name}] `;
  const forward = (stream: NodeJS.WriteStream) => {
    let partial = '';
    return (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) stream.write(`${prefix}${line}\n`);
    };
  };
  child.stdout!.on('data', forward(process.stdout));
  child.stderr!.on('data', forward(process.stderr));
  const lifeline = child.pid ? holdLifeline(-child.pid, 'SIGTERM') : undefined;
  const exited = new Promise<ProcessExit>((resolve) =>
    child.once('exit', (code, signal) => {
      lifeline?.release();
      resolve({ code, signal });
    }),
  );
  return { name, child, exited };
}

/** "exited with code 1", "was killed by SIGKILL": how a log line says a process ended. */
export function describeExit({ code, signal }: ProcessExit): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

export async function stopProcesses(processes: ManagedProcess[]): Promise<void> {
  await Promise.all(processes.map((p) => stopChild(p.child, { group: true })));
}

/**
 * Sends `signal` (SIGTERM by default) and waits for the exit, escalating to SIGKILL after `graceMs`.
 * With `group`, the child's whole process group is signalled (for children spawned `detached`).
 */
export function stopChild(
  child: ChildProcess,
  options: { group?: boolean; graceMs?: number; signal?: NodeJS.Signals } = {},
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const signal = (name: NodeJS.Signals) => {
    try {
      if (options.group && child.pid) process.kill(-child.pid, name);
      else child.kill(name);
    } catch {
      // the process is already gone
    }
  };
  return new Promise((resolve) => {
    const timer = setTimeout(() => signal('SIGKILL'), options.graceMs ?? 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    signal(options.signal ?? 'SIGTERM');
  });
}
