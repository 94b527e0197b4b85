import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, type Database } from '@cascade/db';
import { getFreePort, startTemporalDevServer } from '@cascade/devstack';
import { createIsolatedDatabase } from '@cascade/devstack/testing';
import { roundtripWorkflowId, TASK_QUEUE, WORKFLOW_NAMES, type RoundtripInput } from '@cascade/temporal';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually } from './testing/run-harness';

// The worker as `./cascade start` runs it (main.ts, a process of its own) against a Temporal dev
// server of this test's own, which the test starts only after the worker, then stops and starts
// again under it. Its own database too: main.ts's dispatcher claims every pending event it finds.

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
type DevServer = Awaited<ReturnType<typeof startTemporalDevServer>>;

const dataDir = mkdtempSync(path.join(tmpdir(), 'cascade-temporal-outage-'));
let serverOptions: Parameters<typeof startTemporalDevServer>[0];
let server: DevServer | undefined;
let worker: ChildProcess;
let db: Database;
let metricsPort: number;
const logLines: Array<{ msg: string; component?: string }> = [];

beforeAll(async () => {
  const databaseUrl = await createIsolatedDatabase();
  db = createDatabase(databaseUrl, { maxConnections: 2 });
  serverOptions = { dbFile: path.join(dataDir, 'temporal.db'), port: await getFreePort(), metricsPort: await getFreePort() };
  metricsPort = await getFreePort();
  worker = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: `127.0.0.1:${serverOptions.port}`,
      WORKER_METRICS_PORT: String(metricsPort),
      WORKER_ID: `outage-test-${randomUUID()}`,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let partial = '';
  worker.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('{')) logLines.push(JSON.parse(line) as (typeof logLines)[number]);
  });
  worker.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
}, 60_000);

afterAll(async () => {
  if (worker.exitCode === null) {
    worker.kill('SIGTERM');
    await Promise.race([once(worker, 'exit'), new Promise((resolve) => setTimeout(resolve, 15_000))]);
    worker.kill('SIGKILL');
  }
  await server?.stop();
  await db?.$disconnect();
  rmSync(dataDir, { recursive: true, force: true });
});

const logged = (msg: string) => logLines.filter((line) => line.msg === msg).length;

async function readiness(): Promise<{ status: number; down: string[] } | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${metricsPort}/ready`);
    return { status: response.status, down: ((await response.json()) as { down: string[] }).down };
  } catch {
    return undefined; // not listening yet
  }
}

/** A roundtrip run on the `cascade` queue, started from outside as the web app starts one; resolves once the worker completed it. */
async function completeARoundtrip(): Promise<void> {
  const tenant = await db.tenant.create({ data: { slug: `t-${randomUUID()}`, name: 'Outage tenant' } });
  const roundtrip = await db.roundtrip.create({ data: { id: randomUUID(), tenantId: tenant.id, message: 'through an outage', workflowId: 'pending' } });
  const connection = await Connection.connect({ address: `127.0.0.1:${serverOptions.port}` });
  try {
    const input: RoundtripInput = { roundtripId: roundtrip.id, tenantId: tenant.id };
    await new Client({ connection }).workflow.execute(WORKFLOW_NAMES.roundtrip, { taskQueue: TASK_QUEUE, workflowId: roundtripWorkflowId(roundtrip.id), args: [input] });
  } finally {
    await connection.close();
  }
  expect((await db.roundtrip.findUniqueOrThrow({ where: { id: roundtrip.id } })).completedAt).toBeInstanceOf(Date);
}

it('waits for a Temporal that is not there yet, works once it is, and works on after it stopped and started again, in one process', async () => {
  const pid = worker.pid;
  // Temporal is not there: the worker waits (not ready, naming what it lacks) instead of exiting.
  await eventually(async () => ((await readiness())?.status === 503 ? true : undefined), 60_000);
  expect((await readiness())?.down).toContain('temporal');
  await eventually(async () => (logged('Temporal does not answer yet; the worker waits for it, probing every 0.5–5 s') ? true : undefined), 30_000);
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // a few of its probes fail meanwhile
  expect(worker.exitCode).toBeNull();

  server = await startTemporalDevServer(serverOptions);
  await completeARoundtrip();
  await eventually(async () => ((await readiness())?.status === 200 ? true : undefined), 30_000);
  expect(logged('worker started')).toBe(1);

  // Temporal goes away under the running worker for a few seconds, and comes back on the same file.
  await server.stop();
  server = undefined;
  await eventually(async () => ((await readiness())?.down.includes('temporal') ? true : undefined), 30_000);
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  server = await startTemporalDevServer(serverOptions);
  await completeARoundtrip();
  await eventually(async () => ((await readiness())?.status === 200 ? true : undefined), 30_000);

  // The same process throughout, which said each change of state once, and no retry of the SDK's.
  expect(worker.pid).toBe(pid);
  expect(worker.exitCode).toBeNull();
  expect(logged('worker started')).toBe(1);
  expect(logged('Temporal does not answer yet; the worker waits for it, probing every 0.5–5 s')).toBe(1);
  expect(logged('Temporal stopped answering; the worker waits for it, probing every 0.5–5 s')).toBe(1);
  expect(logged('Temporal answers again')).toBe(2);
  expect(logLines.filter((line) => line.component === 'temporal' && /retried/.test(line.msg))).toEqual([]);
}, 240_000);
