import { proxyLocalActivities } from '@temporalio/workflow';
import type { RoundtripInput } from '@cascade/temporal';
import type { CascadeActivities } from '../activities/index';

const { completeRoundtrip } = proxyLocalActivities<CascadeActivities>({ startToCloseTimeout: '10s' });

/** Proves the path API → Temporal → worker → PostgreSQL; the diagnostics page shows the result. */
export async function roundtripWorkflow(input: RoundtripInput): Promise<void> {
  await completeRoundtrip(input);
}
