import 'server-only';
import { createDatabase, type Database } from '@cascade/db';
import { createIngestion, type Ingestion } from '@cascade/ingestion';
import { createLogger, type Logger } from '@cascade/logger';
import { connectTemporal } from '@cascade/temporal';
import type { Client } from '@temporalio/client';
import { webEnv } from '../env.server';
import { countIngested } from './metrics';

/**
 * The web app's long-lived dependencies, created once per server process. Kept on globalThis
 * so Next's module reloading in development does not open a pool per reload, and so that Next's
 * bundle and the custom server's fast path (server.ts), which each load this module, share one
 * database pool and one ingestion writer, whose group commits then span both.
 */
interface Services {
  db: Database;
  logger: Logger;
  ingestion: Ingestion;
  temporal?: Promise<Client>;
}

const globalServices = globalThis as typeof globalThis & { cascadeServices?: Services };

function services(): Services {
  if (!globalServices.cascadeServices) {
    const db = createDatabase(webEnv().DATABASE_URL);
    globalServices.cascadeServices = {
      db,
      logger: createLogger('web', { level: webEnv().LOG_LEVEL }),
      ingestion: createIngestion(db, { ingested: countIngested }),
    };
  }
  return globalServices.cascadeServices;
}

export const db = (): Database => services().db;
export const logger = (): Logger => services().logger;
export const ingestion = (): Ingestion => services().ingestion;

export function temporal(): Promise<Client> {
  const s = services();
  s.temporal ??= connectTemporal({ address: webEnv().TEMPORAL_ADDRESS, namespace: webEnv().TEMPORAL_NAMESPACE }).catch(
    (error: unknown) => {
      s.temporal = undefined; // retry on the next request instead of caching the failure
      throw error;
    },
  );
  return s.temporal;
}

/** Closes the pool and the Temporal connection, once the server answers no more requests. */
export async function closeServices(): Promise<void> {
  const s = globalServices.cascadeServices;
  if (!s) return;
  globalServices.cascadeServices = undefined;
  await Promise.allSettled([s.db.$disconnect(), s.temporal?.then((client) => client.connection.close())]);
}
