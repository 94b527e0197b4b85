import type { NodeOf } from '@cascade/workflow/runtime';
import { effectsOf } from '../activity-options';
import type { Executor } from './executor';

/** Publishes the event through ingestion, caused by the run's trigger and carrying its correlation. */
export const executeEmit: Executor<NodeOf<'emit'>> = async (node, { scope, key, startedAt }, run) => {
  const { value: data } = run.mapNow(node.data, scope) ?? { value: await run.map(node.data, scope) };
  const { event, causationDepth } = run.input;
  const finish = run.finishingSteps(node, scope);
  const output = await effectsOf(node).emitEvent({
    batch: run.records.take(), runId: run.run.id, tenantId: run.run.tenantId,
    step: { key, nodeId: node.id, input: data, startedAt }, ...(finish ? { finish } : {}),
    type: node.event, ...(node.version === undefined ? {} : { version: node.version }), data, correlationId: event.correlationId ?? event.id,
    cause: { id: event.id, ...(causationDepth === undefined ? {} : { depth: causationDepth }) },
  });
  run.records.recorded = true;
  run.records.closed = finish !== undefined;
  return { port: 'next', output, recorded: true };
};
