import path from 'node:path';
import { getFreePort } from '../ports';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../postgres';
import { startTemporalDevServer, type TemporalDevServerHandle } from '../temporal';

export interface RestartableServers {
  databaseUrl: string;
  temporalAddress: string;
  /** PostgreSQL's fast shutdown, then a start on the same data and port; answers how long it was down. */
  restartPostgres(): Promise<number>;
  stopTemporal(): Promise<void>;
  /** The dev server again, on the same port and SQLite file, so every run it held is there again. */
  startTemporal(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Embedded PostgreSQL and the Temporal dev server in `dataDir` on ports that stay theirs, started
 * here rather than by `startInfrastructure` (which ends Cascade when either exits), so the fault
 * suite can stop and start them under a running Cascade.
 */
export async function startRestartableServers(dataDir: string, database: string): Promise<RestartableServers> {
  const postgresOptions = { dataDir: path.join(dataDir, 'postgres'), port: await getFreePort() };
  const temporalOptions = { dbFile: path.join(dataDir, 'temporal', 'temporal.db'), port: await getFreePort(), metricsPort: await getFreePort() };
  let postgres: EmbeddedPostgresHandle | undefined = await startEmbeddedPostgres(postgresOptions);
  await ensureDatabase(postgres.url, database);
  let temporal: TemporalDevServerHandle | undefined = await startTemporalDevServer(temporalOptions);
  return {
    databaseUrl: postgres.databaseUrlFor(database),
    temporalAddress: temporal.address,
    async restartPostgres() {
      const stoppedAt = Date.now();
      await postgres?.stop();
      postgres = undefined;
      postgres = await startEmbeddedPostgres(postgresOptions);
      return Date.now() - stoppedAt;
    },
    async stopTemporal() {
      await temporal?.stop();
      temporal = undefined;
    },
    async startTemporal() {
      temporal ??= await startTemporalDevServer(temporalOptions);
    },
    async stop() {
      await temporal?.stop();
      await postgres?.stop();
    },
  };
}
