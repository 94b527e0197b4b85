import type { Database } from '@cascade/db';
import type { RoundtripInput } from '@cascade/temporal';

export function createRoundtripActivities(db: Database) {
  return {
    /** Idempotent: completing twice keeps the first completion time. */
    async completeRoundtrip({ roundtripId, tenantId }: RoundtripInput): Promise<void> {
      await db.roundtrip.updateMany({
        where: { id: roundtripId, tenantId, completedAt: null },
        data: { completedAt: new Date() },
      });
    },
  };
}
