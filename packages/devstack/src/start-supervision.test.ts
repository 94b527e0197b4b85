import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './cascade';
import { getFreePort, isPortInUse } from './ports';

/**
 * The real `./cascade start` (its start module, as the script runs it) in a temporary data
 * directory on free ports, killed piece by piece. It needs the web app built; the start runs
 * `turbo run build`, which is cached once built (`./cascade test` builds it before the tests).
 */
interface Runner {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

let dataDir: string;
let env: NodeJS.ProcessEnv;
let ports: Record<'PORT' | 'POSTGRES_PORT' | 'TEMPORAL_PORT' | 'TEMPORAL_UI_PORT' | 'WORKER_METRICS_PORT', number>;
let runner: Runner;
const spawned: ChildProcess[] = [];

function startRunner(): Runner {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/devstack/src/cli/start.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.push(child);
  const lines: string[] = [];
  const collect = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

/** Waits for an output line matching `pattern` at or after line `from`, and returns its match. */
async function waitForLine(pattern: RegExp, from = 0, timeoutMs = 150_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const line of runner.lines.slice(from)) {
      const match = line.match(pattern);
      if (match) return match;
    }
    await sleep(100);
  }
  throw new Error(`no line matching ${pattern} within ${timeoutMs / 1000}s; output:\n${runner.lines.join('\n')}`);
}

const pidOf = async (pattern: RegExp, from = 0) => Number((await waitForLine(pattern, from))[1]);

async function waitUntilReady(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`http://127.0.0.1:${ports.PORT}/api/ready`).catch(() => undefined);
    if (response?.ok) return;
    await sleep(100);
  }
  throw new Error(`/api/ready did not answer 200 within ${timeoutMs / 1000}s`);
}

/** Running, and not a zombie waiting for a parent that will not reap it. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Lifeline watchers (lifeline.ts) still watching one of `pids`. */
function watchersOf(pids: number[]): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const target = Math.abs(Number(args[args.indexOf('cascade-lifeline') + 1]));
      if (args.includes('cascade-lifeline') && pids.includes(target) && isAlive(Number(entry))) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function startAndWaitUntilReady() {
  const startedAt = Date.now();
  runner = startRunner();
  await waitForLine(/Cascade is running/);
  const pids = {
    postgres: await pidOf(/PostgreSQL is running \(pid (\d+)\)/),
    temporal: await pidOf(/Temporal dev server is running \(pid (\d+)\)/),
    worker: await pidOf(/Started the worker \(pid (\d+)\)/),
    web: await pidOf(/Started the web app \(pid (\d+)\)/),
  };
  console.log(`[supervision] ./cascade start was ready in ${Date.now() - startedAt} ms`);
  return pids;
}

let pids: { postgres: number; temporal: number; worker: number; web: number };

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cascade-supervision-'));
  ports = {
    PORT: await getFreePort(),
    POSTGRES_PORT: await getFreePort(),
    TEMPORAL_PORT: await getFreePort(),
    TEMPORAL_UI_PORT: await getFreePort(),
    WORKER_METRICS_PORT: await getFreePort(),
  };
  env = { ...process.env, CASCADE_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  for (const [name, port] of Object.entries(ports)) env[name] = String(port);
  // This stack's own servers, whatever the test run was pointed at.
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  pids = await startAndWaitUntilReady();
}, 240_000);

afterAll(async () => {
  const running = spawned.filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(running.map((child) => new Promise((resolve) => child.once('exit', resolve).kill('SIGINT'))));
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe('./cascade start supervises what it starts', () => {
  it('restarts a SIGKILLed worker, logging how it ended, and /api/ready recovers', async () => {
    const from = runner.lines.length;
    const killedAt = Date.now();
    process.kill(pids.worker, 'SIGKILL');
    await waitForLine(/The worker was killed by SIGKILL; restarting it in 1 s/, from);
    const worker = await pidOf(/Started the worker \(pid (\d+)\)/, from);
    expect(worker).not.toBe(pids.worker);
    await waitForLine(/\[worker\].*worker started/, from);
    await waitUntilReady();
    console.log(`[supervision] worker SIGKILL → restarted and serving in ${Date.now() - killedAt} ms`);
    pids.worker = worker;
  }, 90_000);

  it('restarts a SIGKILLed web app, and /api/ready recovers', async () => {
    const from = runner.lines.length;
    const killedAt = Date.now();
    process.kill(pids.web, 'SIGKILL');
    await waitForLine(/The web app was killed by SIGKILL; restarting it in 1 s/, from);
    const web = await pidOf(/Started the web app \(pid (\d+)\)/, from);
    expect(web).not.toBe(pids.web);
    await waitUntilReady();
    console.log(`[supervision] web SIGKILL → /api/ready 200 again in ${Date.now() - killedAt} ms`);
    pids.web = web;
  }, 90_000);

  it('leaves no child behind and frees every port when the runner itself is SIGKILLed', async () => {
    const children = Object.values(pids);
    const killedAt = Date.now();
    runner.child.kill('SIGKILL');
    await runner.exited;
    while (children.some(isAlive) && Date.now() - killedAt < 30_000) await sleep(50);
    const orphansGoneMs = Date.now() - killedAt;
    expect(children.filter(isAlive)).toEqual([]);
    for (const port of Object.values(ports)) expect(await isPortInUse(port)).toBe(false);
    while (watchersOf(children).length > 0 && Date.now() - killedAt < 30_000) await sleep(50);
    expect(watchersOf(children)).toEqual([]);
    console.log(`[supervision] runner SIGKILL → all ${children.length} children gone in ${orphansGoneMs} ms`);
  }, 60_000);

  it('starts over stale PostgreSQL locks whose pids are dead or not PostgreSQL, as after a power cut', async () => {
    const dead = spawnSync('true').pid!;
    // The pid of a lock left by a power cut is often some other process's after the reboot.
    writeFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), `${process.pid}\n${path.join(dataDir, 'postgres')}\n`);
    writeFileSync(path.join('/tmp', `.s.PGSQL.${ports.POSTGRES_PORT}.lock`), `${dead}\n`);
    pids = await startAndWaitUntilReady();
    await waitForLine(/Removing the stale lock .*postmaster\.pid \(pid \d+ is not a running PostgreSQL\)/);
    await waitForLine(/Removing the stale lock .*\.s\.PGSQL\.\d+\.lock/);

  }, 240_000);

  it('stops everything, saying why, when PostgreSQL is killed, and starts again over its lock', async () => {
    const from = runner.lines.length;
    const killedAt = Date.now();
    process.kill(pids.postgres, 'SIGKILL');
    expect(await runner.exited).toBe(1);
    await waitForLine(/PostgreSQL \(pid \d+\) was killed by SIGKILL; Cascade cannot work without it, so everything is stopped/, from);
    console.log(`[supervision] PostgreSQL SIGKILL → runner stopped everything in ${Date.now() - killedAt} ms`);
    expect(Object.values(pids).filter(isAlive)).toEqual([]);
    expect(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).toMatch(new RegExp(`^${pids.postgres}\n`));

    pids = await startAndWaitUntilReady();
    const stoppedAt = Date.now();
    runner.child.kill('SIGINT');
    expect(await runner.exited).toBe(0);
    console.log(`[supervision] Ctrl-C → stopped in ${Date.now() - stoppedAt} ms`);
    expect(Object.values(pids).filter(isAlive)).toEqual([]);
  }, 240_000);
});
