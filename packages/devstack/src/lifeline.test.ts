import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * A lifeline's watcher outlives the test process only in the real case (the runner dying); here the
 * runner is a child node process that holds the lifeline and is then SIGKILLed.
 */
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once('exit', resolve));
}

/** Starts a runner process that holds a lifeline on `target` (with `started`, when given), and kills the runner. */
async function runnerDiesHolding(target: number, started?: string): Promise<void> {
  const args = [target, "'SIGTERM'", ...(started === undefined ? [] : [JSON.stringify(started)])].join(', ');
  const script = `import { holdLifeline } from './packages/devstack/src/lifeline.ts'; holdLifeline(${args}); console.log('held'); setInterval(() => {}, 1000);`;
  const runner = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => runner.stdout!.once('data', () => resolve()));
  runner.kill('SIGKILL');
  await exitOf(runner);
}

async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe('holdLifeline', () => {
  it('stops its target when the process holding it is SIGKILLed', async () => {
    const target = spawn('sleep', ['60'], { stdio: 'ignore' });
    await runnerDiesHolding(target.pid!);
    expect(await eventually(() => target.exitCode !== null || target.signalCode !== null)).toBe(true);
    expect(target.signalCode).toBe('SIGTERM');
  });

  it('leaves alone a process that took over its target’s pid (another start time)', async () => {
    const other = spawn('sleep', ['60'], { stdio: 'ignore' });
    // As if the target had exited and its pid had gone to `other`: the start time recorded differs.
    await runnerDiesHolding(other.pid!, '1');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(isAlive(other.pid!)).toBe(true);
    other.kill('SIGKILL');
    await exitOf(other);
  });
});
