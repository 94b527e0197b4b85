import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startInfrastructure } from '../infrastructure';
import { createTemplate } from './databases';
import { getFreePort } from '../ports';
import { generateSecretKey } from '../secret-key';

/**
 * Starts the real PostgreSQL and Temporal dev server once per test run, in a throw-away
 * directory, and hands their addresses to the tests through `inject()`. DATABASE_URL and
 * TEMPORAL_ADDRESS point the tests at existing servers instead.
 */
export default async function setup(project: TestProject) {
  // Test workers start after this and inherit it: the web app and the worker read it at boot.
  process.env.CASCADE_SECRET_KEY ??= generateSecretKey();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cascade-test-'));
  const infrastructure = await startInfrastructure({
    dataDir,
    database: `cascade_test_${process.pid}`,
    postgresPort: await getFreePort(),
    temporalPort: await getFreePort(),
    databaseUrl: process.env.DATABASE_URL,
    temporalAddress: process.env.TEMPORAL_ADDRESS,
    log: (line) => process.env.CASCADE_TEST_VERBOSE && console.log(`[infra] ${line}`),
  });
  project.provide('databaseUrl', infrastructure.databaseUrl);
  project.provide('templateDatabase', await createTemplate(infrastructure.databaseUrl));
  project.provide('temporalAddress', infrastructure.temporalAddress);
  return async () => {
    await infrastructure.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
