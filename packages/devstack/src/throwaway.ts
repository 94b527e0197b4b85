import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateApiKey } from '@cascade/db';
import { startCascade, type CascadeOptions, type RunningCascade } from './cascade';
import { getFreePort } from './ports';
import { generateSecretKey } from './secret-key';

export interface ThrowawayCascade extends RunningCascade {
  apiKey: string;
  adminPassword: string;
}

/**
 * The whole of Cascade in a temporary directory on free ports, with a known admin password and API
 * key, for browser tests and benchmarks. DATABASE_URL / TEMPORAL_ADDRESS (or the options of those
 * names, which the fault suite uses for servers it stops and starts itself) point it elsewhere.
 * `stop()` also deletes the directory.
 */
export async function startThrowawayCascade(
  options: { name: string; log: (line: string) => void } & Partial<Pick<CascadeOptions, 'databaseUrl' | 'temporalAddress' | 'restartPolicy'>>,
): Promise<ThrowawayCascade> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `cascade-${options.name}-`));
  const webPort = await getFreePort();
  const adminPassword = randomBytes(12).toString('base64url');
  const apiKey = generateApiKey().key;
  try {
    const cascade = await startCascade({
      dataDir,
      database: `cascade_${options.name}`,
      postgresPort: await getFreePort(),
      temporalPort: await getFreePort(),
      webPort,
      workerMetricsPort: await getFreePort(),
      temporalNamespace: 'default',
      sessionSecret: randomBytes(32).toString('base64url'),
      secretKey: process.env.CASCADE_SECRET_KEY ?? generateSecretKey(),
      publicUrl: `http://127.0.0.1:${webPort}`,
      adminPassword,
      bootstrapApiKey: apiKey,
      databaseUrl: options.databaseUrl ?? process.env.DATABASE_URL,
      temporalAddress: options.temporalAddress ?? process.env.TEMPORAL_ADDRESS,
      restartPolicy: options.restartPolicy,
      log: options.log,
    });
    return {
      ...cascade,
      apiKey,
      adminPassword,
      async stop() {
        await cascade.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
