import type { RunEvent } from '@cascade/temporal/interpreter-contract';
import { isTruthy, type NodeOf } from '@cascade/workflow/runtime';
import { condition, uuid4 } from '@temporalio/workflow';
import { correlationKey } from '../../../correlation';
import { bookkeeping, ms } from '../activity-options';
import type { Executor, Outcome, RunState, Step } from './executor';

/**
 * Opens a wait the dispatcher signals matching events to (and takes those that arrived shortly
 * before), then takes the first that passes the filter, or the timeout.
 */
async function awaitEvent(node: NodeOf<'waitForEvent'>, { scope, key, startedAt }: Step, run: RunState): Promise<Outcome> {
  const runSide = await run.evaluate(node.correlation.run, scope);
  if (runSide === undefined) throw new Error('correlation.run gave no value, so no event could ever match');
  const waitId = uuid4();
  const deadline = Date.now() + ms(node.timeout);
  const inbox: RunEvent[] = [];
  run.waits.set(waitId, inbox);
  const buffered = await bookkeeping.openWait({
    batch: run.records.take(), runId: run.run.id, tenantId: run.run.tenantId,
    step: { key, nodeId: node.id, startedAt }, waitId, temporalWorkflowId: run.temporalWorkflowId,
    eventType: node.event, correlation: { key: correlationKey(runSide), eventExpression: node.correlation.event },
    expiresAt: new Date(deadline).toISOString(),
  });
  run.records.recorded = true;
  inbox.unshift(...buffered);
  const seen = new Set<string>();
  const next = async (): Promise<RunEvent | undefined> => {
    for (let event = inbox.shift(); event; event = inbox.shift()) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      if (!node.filter || isTruthy(await run.evaluate(node.filter, scope, event))) return event;
    }
    return undefined;
  };
  let received = await next();
  while (!received && Date.now() < deadline) {
    if (!(await condition(() => inbox.length > 0, deadline - Date.now()))) break;
    received = await next();
  }
  run.waits.delete(waitId);
  const output = received ?? null;
  run.records.add({ key, nodeId: node.id, status: 'COMPLETED', output, startedAt, finishedAt: new Date().toISOString() });
  await bookkeeping.closeWait({ batch: run.records.take(), runId: run.run.id, waitId, deliveredEventId: received?.id ?? null });
  return { port: received ? 'received' : 'timeout', output, recorded: true };
}

// The outer async layer keeps the timing the interpreter always had (see executors/index.ts).
export const executeWaitForEvent: Executor<NodeOf<'waitForEvent'>> = async (node, step, run) => awaitEvent(node, step, run);
