import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, generateApiKey, type Database } from '@cascade/db';
import { Client, Connection } from '@temporalio/client';
import { startCascade, type RunningCascade } from '../cascade';
import { getFreePort } from '../ports';
import { ensureDatabase, startEmbeddedPostgres } from '../postgres';
import { generateSecretKey } from '../secret-key';
import { startTemporalServer } from '../temporal-server';

export interface ClusterStack {
  cascade: RunningCascade;
  apiKey: string;
  tenantId: string;
  db: Database;
  temporal: Client;
  /** The processes whose CPU a run costs, by name: PostgreSQL and the Temporal server besides the apps. */
  pids: { postgres: number; temporal: number };
  elapsedStartMs: number;
  stop(): Promise<void>;
}

/**
 * The production shape on this machine: the real Temporal server on the embedded PostgreSQL (its
 * own two databases beside Cascade's), and `web` web processes and `workers` workers against them,
 * in a temporary directory on free ports.
 */
export async function startClusterStack(options: { web: number; workers: number; log: (line: string) => void }): Promise<ClusterStack> {
  const startedAt = performance.now();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cascade-cluster-'));
  const stops: Array<() => Promise<void>> = [async () => rm(dataDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch((error: unknown) => options.log(`stopping: ${(error as Error).message}`));
  };
  try {
    const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: await getFreePort() });
    stops.push(postgres.stop);
    const temporalServer = await startTemporalServer({ postgres: postgres.server, port: await getFreePort(), dataDir: path.join(dataDir, 'temporal'), onLog: options.log });
    stops.push(temporalServer.stop);
    await ensureDatabase(postgres.url, 'cascade');
    const ports = async (count: number) => Promise.all(Array.from({ length: count }, () => getFreePort()));
    const [webPorts, workerPorts] = [await ports(options.web), await ports(options.workers)];
    const apiKey = generateApiKey().key;
    const cascade = await startCascade({
      dataDir,
      database: 'cascade',
      databaseUrl: postgres.databaseUrlFor('cascade'),
      temporalAddress: temporalServer.address,
      postgresPort: 0,
      temporalPort: 0,
      webPort: webPorts[0]!,
      moreWebPorts: webPorts.slice(1),
      workerMetricsPort: workerPorts[0]!,
      moreWorkerMetricsPorts: workerPorts.slice(1),
      temporalNamespace: 'default',
      sessionSecret: randomBytes(32).toString('base64url'),
      secretKey: generateSecretKey(),
      publicUrl: `http://127.0.0.1:${webPorts[0]}`,
      adminPassword: randomBytes(12).toString('base64url'),
      bootstrapApiKey: apiKey,
      log: options.log,
    });
    stops.push(cascade.stop);
    const db = createDatabase(postgres.databaseUrlFor('cascade'), { maxConnections: 3 });
    stops.push(() => db.$disconnect());
    const connection = await Connection.connect({ address: temporalServer.address });
    stops.push(() => connection.close());
    return {
      cascade,
      apiKey,
      tenantId: cascade.seed.tenantId,
      db,
      temporal: new Client({ connection, namespace: 'default' }),
      pids: { postgres: postgres.pid, temporal: temporalServer.pid },
      elapsedStartMs: performance.now() - startedAt,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
