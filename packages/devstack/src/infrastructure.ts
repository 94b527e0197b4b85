import path from 'node:path';
import { migrateDatabase } from '@cascade/db/migrate';
import { ConfigurationError } from '@cascade/env';
import { redactUrl } from '@cascade/logger';
import { Connection } from '@temporalio/client';
import { ensureDatabase, startEmbeddedPostgres } from './postgres';
import { startTemporalDevServer } from './temporal';

export interface InfrastructureOptions {
  /** Where embedded PostgreSQL and the Temporal SQLite file keep their data. */
  dataDir: string;
  /** Database to create and migrate on the embedded server (ignored when `databaseUrl` is given). */
  database: string;
  postgresPort: number;
  temporalPort: number;
  /** Serve Temporal's web UI on this port; headless when absent. */
  temporalUiPort?: number;
  /** Use this PostgreSQL database instead of starting one. */
  databaseUrl?: string;
  /** Use this Temporal cluster instead of starting a dev server. */
  temporalAddress?: string;
  log: (line: string) => void;
}

export interface Infrastructure {
  databaseUrl: string;
  temporalAddress: string;
  temporalUiUrl: string | undefined;
  stop(): Promise<void>;
}

/**
 * PostgreSQL (migrated) and Temporal, either the embedded ones in `dataDir` or the external ones
 * the caller names. Used alike by `./cascade start` and by the test setups.
 */
export async function startInfrastructure(options: InfrastructureOptions): Promise<Infrastructure> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => undefined);
  };
  try {
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      options.log(`Starting PostgreSQL on 127.0.0.1:${options.postgresPort} (data in ${path.join(options.dataDir, 'postgres')})`);
      const postgres = await startEmbeddedPostgres({ dataDir: path.join(options.dataDir, 'postgres'), port: options.postgresPort });
      stops.push(postgres.stop);
      await ensureDatabase(postgres.url, options.database);
      databaseUrl = postgres.databaseUrlFor(options.database);
    }
    options.log('Applying database migrations');
    await migrateDatabase(databaseUrl, { log: options.log }).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConfigurationError('DATABASE_URL', `cannot migrate ${redactUrl(databaseUrl)}: ${reason}`);
    });

    let temporalAddress = options.temporalAddress;
    let temporalUiUrl: string | undefined;
    if (temporalAddress) {
      await assertTemporalReachable(temporalAddress);
    } else {
      options.log(`Starting Temporal dev server on 127.0.0.1:${options.temporalPort}`);
      const temporal = await startTemporalDevServer({
        dbFile: path.join(options.dataDir, 'temporal', 'temporal.db'),
        port: options.temporalPort,
        uiPort: options.temporalUiPort,
        onLog: options.log,
      });
      stops.push(temporal.stop);
      temporalAddress = temporal.address;
      temporalUiUrl = temporal.uiUrl;
    }
    return { databaseUrl, temporalAddress, temporalUiUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function assertTemporalReachable(address: string): Promise<void> {
  try {
    const connection = await Connection.connect({ address, connectTimeout: '5s' });
    await connection.close();
  } catch (error) {
    throw new ConfigurationError('TEMPORAL_ADDRESS', `cannot reach Temporal at ${address}: ${(error as Error).message}`);
  }
}
