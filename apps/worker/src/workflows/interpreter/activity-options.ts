import { parseDuration, type WorkflowNode } from '@cascade/workflow/runtime';
import { proxyLocalActivities, type ActivityOptions, type LocalActivityOptions } from '@temporalio/workflow';
import type { RunActivities } from '../../activities';

/** Bookkeeping activities retry until the database is back: an outage must not fail a run. */
export const bookkeeping = proxyLocalActivities<RunActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '1m' },
});

const DEFAULT_NODE_RETRY = { maximumAttempts: 3, initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s' } as const;
const DEFAULT_NODE_TIMEOUT = '30s';

/** Milliseconds of a duration the definition schema has already checked. */
export function ms(duration: string | undefined): number {
  const value = duration === undefined ? undefined : parseDuration(duration);
  if (value === undefined) throw new Error(`${JSON.stringify(duration)} is not an ISO 8601 duration`);
  return value;
}

function retryOf(node: WorkflowNode): LocalActivityOptions['retry'] {
  if (!node.retry) return DEFAULT_NODE_RETRY;
  const { maxAttempts, initialInterval, backoff, maxInterval } = node.retry;
  return { maximumAttempts: maxAttempts, initialInterval: ms(initialInterval), backoffCoefficient: backoff, maximumInterval: ms(maxInterval) };
}

/** The activities of a node's own effect, with the node's timeout and retry policy. */
export function effectsOf(node: WorkflowNode) {
  const options: ActivityOptions & LocalActivityOptions = { startToCloseTimeout: node.timeout ? ms(node.timeout) : DEFAULT_NODE_TIMEOUT, retry: retryOf(node) };
  return proxyLocalActivities<RunActivities>(options);
}
