import type { NodeOf } from '@cascade/workflow/runtime';
import { effectsOf } from '../activity-options';
import type { Executor } from './executor';

/** Calls the action; from revision 1 a side-effect-free action's step may join the batch instead of being written. */
export const executeAction: Executor<NodeOf<'action'>> = async (node, { scope, key, startedAt }, run) => {
  const { value: input } = run.mapNow(node.input, scope) ?? { value: await run.map(node.input, scope) };
  const finish = run.finishingSteps(node, scope);
  const batch = run.records.take();
  const call = {
    batch,
    runId: run.run.id,
    tenantId: run.run.tenantId,
    step: { key, nodeId: node.id, input, startedAt },
    ...(finish ? { finish } : {}),
    actionId: node.action,
    input,
    ...(node.repeatUncertain ? { repeatUncertain: true } : {}),
  };
  if (run.revision < 1) {
    const output = await effectsOf(node).executeAction(call);
    run.records.recorded = true;
    return { port: 'next', output, recorded: true };
  }
  const { output, stepWritten, attempts } = await effectsOf(node).callAction(call);
  if (stepWritten) {
    run.records.recorded = true;
    run.records.closed = finish !== undefined;
  } else {
    // Nothing was written: the batch waits for the run's next write, with this step.
    run.records.putBack(batch.steps);
  }
  return { port: 'next', output, recorded: stepWritten, input, attempts };
};
