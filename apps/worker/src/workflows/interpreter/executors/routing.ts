import { isTruthy, type NodeOf } from '@cascade/workflow/runtime';
import { RunFailed } from '../failures';
import type { Executor } from './executor';

/** The nodes that decide where a run goes, or end it, without an activity. */

export const executeTrigger: Executor<NodeOf<'trigger'>> = (_node, _step, run) => ({ port: 'next', output: { eventId: run.input.event.id } });

/** Parallel and join do their work in the walk, which starts branches and counts arrivals. */
export const passThrough: Executor<NodeOf<'parallel' | 'join'>> = () => ({ port: 'next' });

export const executeEnd: Executor<NodeOf<'end'>> = (_node, _step, run) => ({ port: undefined, recorded: run.records.closed });

export const executeCondition: Executor<NodeOf<'condition'>> = async (node, { scope }, run) => {
  const value = isTruthy((run.evaluateNow(node.expression, scope) ?? { value: await run.evaluate(node.expression, scope) }).value);
  return { port: value ? 'true' : 'false', output: value };
};

export const executeSwitch: Executor<NodeOf<'switch'>> = async (node, { scope }, run) => {
  for (const { port, expression } of node.cases) {
    if (isTruthy((run.evaluateNow(expression, scope) ?? { value: await run.evaluate(expression, scope) }).value)) return { port, output: port };
  }
  return { port: 'default', output: 'default' };
};

export const executeSetVariables: Executor<NodeOf<'setVariables'>> = async (node, { scope }, run) => {
  const values = (run.mapNow(node.assign, scope) ?? { value: await run.map(node.assign, scope) }).value as Record<string, unknown>;
  Object.assign(run.vars, values);
  return { port: 'next', output: values };
};

export const executeFail: Executor<NodeOf<'fail'>> = async (node, { scope, key }, run) => {
  throw new RunFailed(String(await run.evaluate(node.message, scope)), key);
};
