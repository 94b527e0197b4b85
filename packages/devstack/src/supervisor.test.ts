import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './cascade';
import { startProcess } from './processes';
import { superviseProcess, type RestartPolicy } from './supervisor';

const FAST: RestartPolicy = { initialDelayMs: 50, maxDelayMs: 200, stableAfterMs: 60_000 };

/** A node child that runs `script`; its output is prefixed and forwarded like an app's. */
const launcher = (script: string) => () =>
  startProcess('crasher', process.execPath, ['-e', script], { cwd: REPO_ROOT, env: process.env, index: 0 });

describe('superviseProcess', () => {
  it('restarts a crashing process with delays doubling up to the maximum, saying how each run ended', async () => {
    const lines: string[] = [];
    const supervised = superviseProcess('crasher', launcher('process.exit(3)'), { log: (line) => lines.push(line), policy: FAST });
    supervised.keepAlive();
    while (lines.filter((line) => line.startsWith('Started')).length < 5) await sleep(20);
    await supervised.stop();
    const restarts = lines.filter((line) => line.includes('restarting'));
    expect(restarts.slice(0, 4)).toEqual([
      'The crasher exited with code 3; restarting it in 0.05 s',
      'The crasher exited with code 3; restarting it in 0.1 s',
      'The crasher exited with code 3; restarting it in 0.2 s',
      'The crasher exited with code 3; restarting it in 0.2 s',
    ]);
  });

  it('goes back to the first delay after a run that stayed up long enough', async () => {
    const lines: string[] = [];
    const policy = { initialDelayMs: 50, maxDelayMs: 400, stableAfterMs: 300 };
    const supervised = superviseProcess('crasher', launcher('setTimeout(() => process.exit(3), 400)'), { log: (line) => lines.push(line), policy });
    supervised.keepAlive();
    while (lines.filter((line) => line.includes('restarting')).length < 3) await sleep(20);
    await supervised.stop();
    expect(lines.filter((line) => line.includes('restarting')).slice(0, 3)).toEqual(Array(3).fill('The crasher exited with code 3; restarting it in 0.05 s'));
  });

  it('names the signal that killed the process', async () => {
    const lines: string[] = [];
    const supervised = superviseProcess('sleeper', launcher('setInterval(() => {}, 1000)'), { log: (line) => lines.push(line), policy: FAST });
    supervised.keepAlive();
    await sleep(200);
    process.kill(supervised.pid!, 'SIGKILL');
    while (!lines.some((line) => line.includes('restarting'))) await sleep(20);
    await supervised.stop();
    expect(lines).toContain('The sleeper was killed by SIGKILL; restarting it in 0.05 s');
  });

  it('gives up on a crash during start-up, before keepAlive', async () => {
    const supervised = superviseProcess('crasher', launcher('process.exit(1)'), { log: () => undefined, policy: FAST });
    expect(await supervised.gaveUp).toBe('The crasher exited with code 1 during start-up; see its output above');
    expect(supervised.pid).toBeUndefined();
  });

  it('gives up on a configuration error (exit 78), which a restart would repeat', async () => {
    const lines: string[] = [];
    const supervised = superviseProcess('crasher', launcher('setTimeout(() => process.exit(78), 100)'), { log: (line) => lines.push(line), policy: FAST });
    supervised.keepAlive();
    expect(await supervised.gaveUp).toBe('The crasher exited with code 78: a configuration error, which a restart would repeat');
    expect(lines.filter((line) => line.startsWith('Started'))).toHaveLength(1);
  });

  it('restarts a relaunch that exits 78: the same configuration started before, so a server it checks at start is restarting', async () => {
    // The worker killed while PostgreSQL restarts exits 78 on its relaunch ("cannot reach PostgreSQL",
    // as it did for Temporal before it waited for it); giving up then left Cascade without a worker
    // for good (the fault suite's finding).
    const marker = path.join(await mkdtemp(path.join(os.tmpdir(), 'cascade-supervisor-')), 'launched');
    const script = `const fs = require('fs'); if (!fs.existsSync(${JSON.stringify(marker)})) { fs.writeFileSync(${JSON.stringify(marker)}, ''); process.exit(3); } process.exit(78);`;
    const lines: string[] = [];
    const supervised = superviseProcess('crasher', launcher(script), { log: (line) => lines.push(line), policy: FAST });
    supervised.keepAlive();
    let gaveUp = false;
    void supervised.gaveUp.then(() => (gaveUp = true));
    while (lines.filter((line) => line.startsWith('Started')).length < 4) await sleep(20);
    await supervised.stop();
    await rm(path.dirname(marker), { recursive: true, force: true });
    expect(gaveUp).toBe(false);
    expect(lines.filter((line) => line.includes('restarting')).slice(0, 3)).toEqual([
      'The crasher exited with code 3; restarting it in 0.05 s',
      'The crasher exited with code 78; restarting it in 0.1 s',
      'The crasher exited with code 78; restarting it in 0.2 s',
    ]);
  });

  it('stops the process and restarts nothing after stop()', async () => {
    const lines: string[] = [];
    const supervised = superviseProcess('sleeper', launcher('setInterval(() => {}, 1000)'), { log: (line) => lines.push(line), policy: FAST });
    supervised.keepAlive();
    const pid = supervised.pid!;
    await supervised.stop();
    await sleep(150);
    expect(() => process.kill(pid, 0)).toThrow();
    expect(lines.filter((line) => line.startsWith('Started'))).toHaveLength(1);
  });
});
