/**
 * How long the worker (apps/worker/src/main.ts, launched as `./cascade start` launches it) takes
 * from its launch to polling ("worker started" in its log), on throw-away PostgreSQL and Temporal
 * dev server: WORKER_START_RUNS (5) starts with the prebuilt workflow bundle (`npm run build`, which
 * this builds first) and as many without it (set aside meanwhile, so the worker bundles at start),
 * taken in turns so both see the same load. Prints the figures; asserts nothing.
 * Run: npm run bench:worker-start
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../cascade';
import { startInfrastructure } from '../infrastructure';
import { getFreePort } from '../ports';
import { generateSecretKey } from '../secret-key';
import { machineLoad, median } from './runs/stats';

const RUNS = Number(process.env.WORKER_START_RUNS ?? 5);
const BUNDLE_DIR = path.join(REPO_ROOT, 'apps/worker/dist');
const ASIDE = `${BUNDLE_DIR}.aside`;

/** Launches the worker and answers the seconds until it logs that it polls; stops it then. */
async function timeOneStart(env: NodeJS.ProcessEnv): Promise<number> {
  const launchedAt = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  for await (const chunk of child.stdout) {
    output += String(chunk);
    if (output.includes('"msg":"worker started"')) break;
  }
  const seconds = (performance.now() - launchedAt) / 1000;
  if (!output.includes('"msg":"worker started"')) throw new Error(`the worker exited before polling (code ${child.exitCode}):\n${output.slice(-2000)}`);
  child.kill('SIGTERM');
  if (child.exitCode === null) await once(child, 'exit');
  return seconds;
}

async function main(): Promise<void> {
  console.log(`# Worker start-up, ${new Date().toISOString()}; at start: ${machineLoad()}`);
  if (existsSync(ASIDE)) throw new Error(`${ASIDE} is left from an interrupted run: move it back to ${BUNDLE_DIR} or delete it`);
  const build = spawnSync('npm', ['run', '--silent', 'build', '-w', '@cascade/worker'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the workflow bundle did not build');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cascade-worker-start-'));
  const infrastructure = await startInfrastructure({
    dataDir,
    database: 'cascade_worker_start',
    postgresPort: await getFreePort(),
    temporalPort: await getFreePort(),
    log: () => undefined,
  });
  try {
    const env = {
      ...process.env,
      DATABASE_URL: infrastructure.databaseUrl,
      TEMPORAL_ADDRESS: infrastructure.temporalAddress,
      WORKER_METRICS_PORT: String(await getFreePort()),
      CASCADE_SECRET_KEY: process.env.CASCADE_SECRET_KEY ?? generateSecretKey(),
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    };
    const seconds = { prebuilt: [] as number[], bundledAtStart: [] as number[] };
    for (let run = 1; run <= RUNS; run += 1) {
      seconds.prebuilt.push(await timeOneStart(env));
      renameSync(BUNDLE_DIR, ASIDE);
      try {
        seconds.bundledAtStart.push(await timeOneStart(env));
      } finally {
        renameSync(ASIDE, BUNDLE_DIR);
      }
      console.log(`  start ${run}: polling after ${seconds.prebuilt.at(-1)!.toFixed(2)} s with the prebuilt bundle, ${seconds.bundledAtStart.at(-1)!.toFixed(2)} s bundling at start`);
    }
    for (const [how, figures] of [['with the prebuilt bundle', seconds.prebuilt], ['bundling at start', seconds.bundledAtStart]] as const) {
      console.log(`worker launch → polling, ${how}: median ${median(figures).toFixed(2)} s, min ${Math.min(...figures).toFixed(2)} s, max ${Math.max(...figures).toFixed(2)} s (${RUNS} starts)`);
    }
    console.log(`at the end: ${machineLoad()}`);
  } finally {
    await infrastructure.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
