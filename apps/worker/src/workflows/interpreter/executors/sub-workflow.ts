import type { RunInput, RunResult } from '@cascade/temporal/interpreter-contract';
import type { NodeOf } from '@cascade/workflow/runtime';
import { executeChild } from '@temporalio/workflow';
import { bookkeeping, ms } from '../activity-options';
import type { Executor, Outcome, RunState, Step } from './executor';

/** Starts the pinned version as a child run with the mapped input as its variables, and hands back the child's variables. */
async function runChild(node: NodeOf<'subWorkflow'>, { scope, key }: Step, run: RunState): Promise<Outcome> {
  const input = (await run.map(node.input, scope)) as Record<string, unknown>;
  const { versionId, definition, childRunId } = await bookkeeping.loadWorkflowVersion({
    tenantId: run.run.tenantId, workflowId: node.workflow, version: node.version, parent: { runId: run.run.id, key },
  });
  const child: RunInput = {
    run: { id: childRunId, tenantId: run.run.tenantId, workflowId: node.workflow, versionId, version: node.version, parentRunId: run.run.id },
    definition,
    event: run.input.event,
    // The child behaves as its parent started: the parent's replay must issue the same commands.
    revision: run.revision,
    ...(run.input.causationDepth === undefined ? {} : { causationDepth: run.input.causationDepth }),
    vars: input,
  };
  await run.records.flush();
  const result = await executeChild('runWorkflow', {
    workflowId: `${run.temporalWorkflowId}/${key}`,
    args: [child],
    ...(node.timeout ? { workflowExecutionTimeout: ms(node.timeout) } : {}),
  });
  return { port: 'next', output: (result as RunResult).vars };
}

// The outer async layer keeps the timing the interpreter always had (see executors/index.ts).
export const executeSubWorkflow: Executor<NodeOf<'subWorkflow'>> = async (node, step, run) => runChild(node, step, run);
