import path from 'node:path';
import { migrateDatabase } from '@cascade/db/migrate';
import { ConfigurationError } from '@cascade/env';
import { redactUrl } from '@cascade/logger';
import { Connection } from '@temporalio/client';
import { ensureDatabase, startEmbeddedPostgres } from './postgres';
import { clearStalePostgresLocks } from './postgres-locks';
import { describeExit, type ProcessExit } from './processes';
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
  /**
   * Resolves with what happened when embedded PostgreSQL or Temporal exits without being stopped.
   * They are not restarted: PostgreSQL's postmaster already restarts a crashed session itself, so
   * its own exit means it was killed or the machine is in trouble (disk full, out of memory), which
   * a restart loop would hide, and the apps' supervisors cannot tell those apart from a database
   * that is merely slow. Stopping everything with a message that says so is the honest answer.
   */
  lost: Promise<string>;
  stop(): Promise<void>;
}

/**
 * PostgreSQL (migrated) and Temporal, either the embedded ones in `dataDir` or the external ones
 * the caller names. Used alike by `./cascade start` and by the test setups.
 */
export async function startInfrastructure(options: InfrastructureOptions): Promise<Infrastructure> {
  const stops: Array<() => Promise<void>> = [];
  let stopping = false;
  const stop = async () => {
    stopping = true;
    for (const fn of stops.reverse()) await fn().catch(() => undefined);
  };
  const exits: Array<Promise<string>> = [];
  const watchExit = (what: string, exited: Promise<ProcessExit>) =>
    exits.push(
      exited.then(async (exit) => {
        if (stopping) await new Promise(() => undefined); // stopped on purpose: nothing was lost
        return `${what} ${describeExit(exit)}; Cascade cannot work without it, so everything is stopped (the next start recovers its data)`;
      }),
    );
  try {
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      const postgresDir = path.join(options.dataDir, 'postgres');
      options.log(`Starting PostgreSQL on 127.0.0.1:${options.postgresPort} (data in ${postgresDir})`);
      clearStalePostgresLocks(postgresDir, options.postgresPort, options.log);
      const postgres = await startEmbeddedPostgres({ dataDir: postgresDir, port: options.postgresPort });
      options.log(`PostgreSQL is running (pid ${postgres.pid})`);
      stops.push(postgres.stop);
      watchExit(`PostgreSQL (pid ${postgres.pid})`, postgres.exited);
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
      options.log(`The Temporal dev server is running (pid ${temporal.pid})`);
      watchExit(`The Temporal dev server (pid ${temporal.pid})`, temporal.exited);
      temporalAddress = temporal.address;
      temporalUiUrl = temporal.uiUrl;
    }
    const lost = Promise.race([...exits, new Promise<string>(() => undefined)]);
    return { databaseUrl, temporalAddress, temporalUiUrl, lost, stop };
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
