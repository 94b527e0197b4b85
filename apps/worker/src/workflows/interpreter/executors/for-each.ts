import type { NodeOf } from '@cascade/workflow/runtime';
import { Flow } from '../flow';
import type { Executor, RunState, Scope, Step } from './executor';

/** A forEach refuses more items than this: each iteration lives in the run's history. */
export const MAX_FOREACH_ITEMS = 1_000;

/** Runs the body once per item, `concurrency` iterations at a time; answers each iteration's step outputs. */
async function iterate(node: NodeOf<'forEach'>, { scope }: Step, run: RunState): Promise<unknown[]> {
  const value = await run.evaluate(node.items, scope);
  const items = value === undefined ? [] : Array.isArray(value) ? value : [value];
  if (items.length > MAX_FOREACH_ITEMS) throw new Error(`items gave ${items.length} items; a forEach takes at most ${MAX_FOREACH_ITEMS}`);
  const body = Flow.body(node);
  const results: unknown[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      const iteration: Scope = {
        flow: body,
        prefix: `${scope.prefix}${node.id}[${index}].`,
        steps: { ...scope.steps, [node.id]: { item: items[index], index } },
        arrivals: new Map(),
        top: false,
      };
      await run.enter(body.entries, iteration);
      results[index] = Object.fromEntries(body.nodeIds().filter((id) => id in iteration.steps).map((id) => [id, iteration.steps[id]!.output ?? null]));
    }
  };
  await Promise.all(Array.from({ length: Math.min(node.concurrency, items.length) }, lane));
  return results;
}

export const executeForEach: Executor<NodeOf<'forEach'>> = async (node, step, run) => ({ port: 'done', output: await iterate(node, step, run) });
