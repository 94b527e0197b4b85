import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabase, seedDemoTenant, type SeedResult } from '@cascade/db';
import { startInfrastructure, type Infrastructure, type InfrastructureOptions } from './infrastructure';
import { startMailCapture, type MailCapture } from './mail-capture';
import { startProcess } from './processes';
import { superviseProcess, type SupervisedProcess } from './supervisor';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CascadeOptions extends InfrastructureOptions {
  webPort: number;
  workerMetricsPort: number;
  temporalNamespace: string;
  sessionSecret: string;
  /** CASCADE_SECRET_KEY for web and worker: base64 of 32 bytes sealing tenant secrets. */
  secretKey: string;
  publicUrl: string;
  adminPassword: string;
  bootstrapApiKey?: string;
  /** More web replicas, one on each port; the first serves `webPort`. */
  moreWebPorts?: number[];
  /** More worker replicas, each with its metrics on one of these ports. */
  moreWorkerMetricsPorts?: number[];
}

export interface RunningCascade {
  infrastructure: Infrastructure;
  seed: SeedResult;
  webUrl: string;
  /** Every web replica's URL, `webUrl` first. */
  webUrls: string[];
  /** The web apps and the workers, each restarted by its supervisor when it crashes. */
  apps: SupervisedProcess[];
  /**
   * Resolves with what happened once Cascade cannot go on by itself: PostgreSQL or Temporal
   * exited, or an app exited with a configuration error.
   */
  failed: Promise<string>;
  stop(): Promise<void>;
}

/**
 * The whole of Cascade on this machine: PostgreSQL and Temporal (embedded unless external ones
 * are named), the seeded demo tenant, the worker and the built web app, ready when this resolves.
 * `./cascade start` and the Playwright setup both start it this way.
 */
export async function startCascade(options: CascadeOptions): Promise<RunningCascade> {
  const infrastructure = await startInfrastructure(options);
  const apps: SupervisedProcess[] = [];
  let mail: { capture: MailCapture; db: ReturnType<typeof createDatabase> } | undefined;
  const stop = async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await mail?.capture.stop();
    await mail?.db.$disconnect();
    await infrastructure.stop();
  };
  try {
    const seed = await seedDatabase(infrastructure.databaseUrl, options);
    // Without a relay of its own, mail goes to the capture server, and the outbox page shows it.
    if (!process.env.SMTP_URL) {
      const db = createDatabase(infrastructure.databaseUrl, { maxConnections: 2 });
      mail = { db, capture: await startMailCapture({ db, log: options.log }) };
      options.log(`Mail is captured at ${mail.capture.url}, not delivered; see the outbox page`);
    }
    const env = {
      ...process.env,
      DATABASE_URL: infrastructure.databaseUrl,
      TEMPORAL_ADDRESS: infrastructure.temporalAddress,
      TEMPORAL_NAMESPACE: options.temporalNamespace,
      SESSION_SECRET: options.sessionSecret,
      CASCADE_SECRET_KEY: options.secretKey,
      ...(mail ? { SMTP_URL: mail.capture.url } : {}),
      // Retention archives beside the data it comes from unless told where; it deletes nothing without an archive.
      ...(process.env.RETENTION_ARCHIVE_DIR || process.env.RETENTION_S3_BUCKET ? {} : { RETENTION_ARCHIVE_DIR: path.join(options.dataDir, 'archive') }),
      PUBLIC_URL: options.publicUrl,
      NODE_ENV: 'production',
    };
    // Node itself with tsx's loader, not the tsx CLI: that would be a second process per app, and
    // killing it would orphan the one doing the work.
    const run = (name: string, label: string, entry: string, extraEnv: NodeJS.ProcessEnv = {}) => {
      const index = apps.length;
      const launch = () =>
        startProcess(name, process.execPath, ['--import', 'tsx', entry], { cwd: REPO_ROOT, env: { ...env, ...extraEnv }, index });
      apps.push(superviseProcess(label, launch, { log: options.log }));
    };
    // Replicas after the first are named by their number: the output's `[worker-2]`, the log's `worker 2`.
    const suffix = (index: number, separator: string) => (index === 0 ? '' : `${separator}${index + 1}`);
    [options.workerMetricsPort, ...(options.moreWorkerMetricsPorts ?? [])].forEach((port, i) =>
      run(`worker${suffix(i, '-')}`, `worker${suffix(i, ' ')}`, 'apps/worker/src/main.ts', { WORKER_METRICS_PORT: String(port) }),
    );
    // The built app behind the web server, which answers event ingestion itself (apps/web/server.ts).
    const webPorts = [options.webPort, ...(options.moreWebPorts ?? [])];
    webPorts.forEach((port, i) => run(`web${suffix(i, '-')}`, `web app${suffix(i, ' ')}`, 'apps/web/server.ts', { PORT: String(port) }));
    const failed = Promise.race([infrastructure.lost, ...apps.map((app) => app.gaveUp)]);
    const webUrls = webPorts.map((port) => `http://127.0.0.1:${port}`);
    const webUrl = webUrls[0]!;
    await Promise.race([
      Promise.all(webUrls.map((url) => waitUntilReady(url, options.log))),
      failed.then((reason) => {
        throw new Error(reason);
      }),
    ]);
    for (const app of apps) app.keepAlive();
    return { infrastructure, seed, webUrl, webUrls, apps, failed, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function seedDatabase(databaseUrl: string, options: CascadeOptions): Promise<SeedResult> {
  const db = createDatabase(databaseUrl, { maxConnections: 1 });
  try {
    return await seedDemoTenant(db, { adminPassword: options.adminPassword, bootstrapApiKey: options.bootstrapApiKey });
  } finally {
    await db.$disconnect();
  }
}

/** Polls /api/ready, saying what it still waits for whenever that changes. */
async function waitUntilReady(webUrl: string, log: (line: string) => void, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let waitingFor = '';
  const say = (what: string) => {
    if (what !== waitingFor) log(`Waiting for ${(waitingFor = what)} …`);
  };
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${webUrl}/api/ready`);
      if (response.ok) return;
      const body = (await response.json()) as { down?: string[] };
      say((body.down ?? []).join(', '));
    } catch {
      say('the web app to listen');
    }
    await sleep(500);
  }
  throw new Error(`Cascade was not ready within ${timeoutMs / 1000}s; see ${webUrl}/api/ready`);
}
