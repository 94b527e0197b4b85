import type { Database } from '@cascade/db';
import type { Logger } from '@cascade/logger';

export const HEARTBEAT_INTERVAL_MS = 5_000;

/**
 * Records that this worker is alive every few seconds; /api/ready counts a worker as up while
 * its last heartbeat is recent. Returns a function that stops the beat and removes the record.
 */
export function startHeartbeat(options: { db: Database; workerId: string; taskQueue: string; logger: Logger }): () => Promise<void> {
  const { db, workerId, taskQueue, logger } = options;
  const startedAt = new Date();
  const beat = () =>
    db.workerHeartbeat
      .upsert({
        where: { workerId },
        create: { workerId, taskQueue, startedAt, lastSeenAt: new Date() },
        update: { lastSeenAt: new Date() },
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'worker heartbeat failed'));
  void beat();
  const timer = setInterval(beat, HEARTBEAT_INTERVAL_MS);
  return async () => {
    clearInterval(timer);
    await db.workerHeartbeat.deleteMany({ where: { workerId } }).catch(() => undefined);
  };
}
