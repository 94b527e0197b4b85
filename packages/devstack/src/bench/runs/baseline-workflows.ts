// The hand-written baseline's workflow bundle: only what the three steps need. Workflow code:
// deterministic, no I/O.
import type { RunEvent } from '@cascade/temporal/interpreter-contract';
import { condition, defineSignal, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { BaselineActivities } from './baseline-activities';

export interface BaselineInput {
  runId: string;
  tenantId: string;
  event: RunEvent;
  causationDepth: number;
}

const { baselineLog, baselineEmit } = proxyLocalActivities<BaselineActivities>({
  startToCloseTimeout: '30s',
  retry: { maximumAttempts: 3, initialInterval: '1s' },
});

/** trigger → core.log → emit billing.plan.changed, written by hand: two local activities, no read model. */
export async function baselineWorkflow({ runId, tenantId, event, causationDepth }: BaselineInput): Promise<void> {
  const invoiceId = (event.data as { invoiceId: string }).invoiceId;
  await baselineLog({ runId, tenantId, message: `Invoice ${invoiceId} is overdue` });
  await baselineEmit({ runId, tenantId, event, causationDepth, data: { tenantId, oldPlan: 'overdue', newPlan: `invoice-${invoiceId}` } });
}

export const releaseSignal = defineSignal('release');

/** Does nothing but wait for `release`: what a cached, waiting workflow costs the worker when it holds no state of its own. */
export async function idleWaitWorkflow(): Promise<void> {
  let released = false;
  setHandler(releaseSignal, () => void (released = true));
  await condition(() => released);
}

/**
 * Bench only: a full collection of the heap of the workflow thread it runs on (the memory probe
 * runs with --expose-gc, which V8 applies to every isolate), so memory figures count what cached
 * workflows retain rather than garbage not yet collected. Answers whether it could collect.
 */
export async function collectGarbageWorkflow(): Promise<boolean> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return gc !== undefined;
}
