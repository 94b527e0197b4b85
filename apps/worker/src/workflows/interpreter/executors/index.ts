import type { NodeOf, NodeType, WorkflowNode } from '@cascade/workflow/runtime';
import { executeAction } from './action';
import { executeApproval } from './approval';
import { executeDelay } from './delay';
import { executeEmit } from './emit';
import type { Executor } from './executor';
import { executeForEach } from './for-each';
import { executeCondition, executeEnd, executeFail, executeSetVariables, executeSwitch, executeTrigger, passThrough } from './routing';
import { executeSubWorkflow } from './sub-workflow';
import { executeWaitForEvent } from './wait-for-event';

/**
 * Each node type's executor: the interpreter's half of a node type, whose browser-safe half
 * (schema, ports, validation, designer) is its module in @cascade/workflow's `nodes/`.
 *
 * Timing is part of what a run replays: where branches run side by side, the order in which their
 * commands reach Temporal follows the order their promises settle. So each executor settles after
 * as many steps as the interpreter's one `executeNode` method did before it was split (an async
 * layer over the stateful nodes' own async work); change that only with a new interpreter revision.
 */
export const executors: { [Type in NodeType]: Executor<NodeOf<Type>> } = {
  trigger: executeTrigger,
  action: executeAction,
  condition: executeCondition,
  switch: executeSwitch,
  parallel: passThrough,
  join: passThrough,
  forEach: executeForEach,
  delay: executeDelay,
  waitForEvent: executeWaitForEvent,
  approval: executeApproval,
  emit: executeEmit,
  setVariables: executeSetVariables,
  subWorkflow: executeSubWorkflow,
  end: executeEnd,
  fail: executeFail,
};

export function executorOf<Node extends WorkflowNode>(node: Node): Executor<Node> {
  return executors[node.type] as unknown as Executor<Node>;
}

export type { Executor, Outcome, RunState, Scope, Step, Arrivals } from './executor';
