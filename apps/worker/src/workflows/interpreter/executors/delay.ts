import { addBusinessTime, nextBusinessInstant, type NodeOf } from '@cascade/workflow/runtime';
import { condition, sleep } from '@temporalio/workflow';
import { ms } from '../activity-options';
import type { Executor, Outcome, RunState, Step } from './executor';

/** Waits a duration (counted in business hours when the node has a calendar) or until an instant. */
async function waitOut(node: NodeOf<'delay'>, { scope, key, startedAt }: Step, run: RunState): Promise<Outcome> {
  let until: number;
  if (node.duration !== undefined) {
    until = node.calendar ? addBusinessTime(Date.now(), ms(node.duration), node.calendar) : Date.now() + ms(node.duration);
  } else {
    const value = await run.evaluate(node.until!, scope);
    until = typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN;
    if (Number.isNaN(until)) throw new Error(`until gave ${JSON.stringify(value)}, not an ISO 8601 instant`);
    if (node.calendar) until = nextBusinessInstant(until, node.calendar);
  }
  if (until > Date.now() && run.input.test) {
    // A test run shows the delay as waiting, and its author may skip it (RUN_SIGNALS.skipDelay).
    run.records.add({ key, nodeId: node.id, status: 'RUNNING', output: { until: new Date(until).toISOString() }, startedAt });
    await run.records.flush();
    const skipped = await condition(() => run.skippedDelays.has(key), until - Date.now());
    return { port: 'next', output: { until: new Date(until).toISOString(), ...(skipped ? { skipped } : {}) } };
  }
  if (until > Date.now()) {
    await run.records.flush();
    await sleep(until - Date.now());
  }
  return { port: 'next', output: { until: new Date(until).toISOString() } };
}

// The outer async layer keeps the timing the interpreter always had (see executors/index.ts).
export const executeDelay: Executor<NodeOf<'delay'>> = async (node, step, run) => waitOut(node, step, run);
