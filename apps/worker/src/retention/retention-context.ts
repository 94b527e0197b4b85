import type { Database } from '@cascade/db';
import type { Logger } from '@cascade/logger';
import type { ArchiveStore } from './archive-store';

/** What a retention pass works with; built once by the worker from its environment. */
export interface RetentionContext {
  db: Database;
  logger: Logger;
  archive: ArchiveStore;
  /** Most events one tenant has archived and deleted per pass: bounds every statement and lock. */
  batchSize: number;
  /** Most runs per tenant per pass; smaller, since each carries its steps. */
  runBatchSize: number;
  /** How long before a waitForEvent an event may arrive and still be delivered to it (CASCADE_EVENT_BUFFER_SECONDS). */
  eventBufferSeconds: number;
  /** Days a retired event id is still answered as a duplicate; undefined: for ever. */
  dedupeDays?: number;
}
