import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateApiKey } from '@cascade/db';
import { getFreePort, startCascade } from '@cascade/devstack';

/**
 * Starts the whole of Cascade (embedded PostgreSQL, Temporal dev server, worker, built web app)
 * in a throw-away directory on free ports, seeded with a known admin password and API key.
 */
export default async function globalSetup() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cascade-e2e-'));
  const webPort = await getFreePort();
  const adminPassword = randomBytes(12).toString('base64url');
  const apiKey = generateApiKey().key;
  const cascade = await startCascade({
    dataDir,
    database: 'cascade_e2e',
    postgresPort: await getFreePort(),
    temporalPort: await getFreePort(),
    webPort,
    workerMetricsPort: await getFreePort(),
    temporalNamespace: 'default',
    sessionSecret: randomBytes(32).toString('base64url'),
    publicUrl: `http://127.0.0.1:${webPort}`,
    adminPassword,
    bootstrapApiKey: apiKey,
    databaseUrl: process.env.DATABASE_URL,
    temporalAddress: process.env.TEMPORAL_ADDRESS,
    log: (line) => console.log(`[e2e] ${line}`),
  });
  // Workers start after global setup and inherit these.
  process.env.CASCADE_E2E_URL = cascade.webUrl;
  process.env.CASCADE_E2E_DATABASE_URL = cascade.infrastructure.databaseUrl;
  process.env.CASCADE_E2E_ADMIN_EMAIL = cascade.seed.adminEmail;
  process.env.CASCADE_E2E_ADMIN_PASSWORD = adminPassword;
  process.env.CASCADE_E2E_API_KEY = apiKey;
  return async () => {
    await cascade.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
