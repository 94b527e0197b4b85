import { isExpressionLeaf, type NodeOf } from '@cascade/workflow/runtime';
import { condition, uuid4 } from '@temporalio/workflow';
import { bookkeeping, ms } from '../activity-options';
import type { Executor, Outcome, RunState, Scope, Step } from './executor';

/** Opens an approval task, escalates it when undecided for a while, and takes its decision or the timeout. */
async function awaitDecision(node: NodeOf<'approval'>, { scope, key, startedAt }: Step, run: RunState): Promise<Outcome> {
  const taskId = uuid4();
  const deadline = Date.now() + ms(node.timeout);
  run.decisions.set(taskId, undefined);
  await bookkeeping.openApprovalTask({
    batch: run.records.take(), runId: run.run.id, tenantId: run.run.tenantId,
    step: { key, nodeId: node.id, startedAt }, taskId, temporalWorkflowId: run.temporalWorkflowId,
    title: node.title, assignees: await assignees(node.assignees, scope, run), formFields: node.formFields ?? [],
    dueAt: new Date(deadline).toISOString(),
  });
  run.records.recorded = true;
  const decided = () => run.decisions.get(taskId) !== undefined;
  if (node.escalation) {
    const after = ms(node.escalation.after);
    if (Date.now() + after < deadline && !(await condition(decided, after))) {
      await bookkeeping.escalateApprovalTask({ taskId, assignees: await assignees(node.escalation.assignees, scope, run) });
    }
  }
  if (!decided() && deadline > Date.now()) await condition(decided, deadline - Date.now());
  const decision = run.decisions.get(taskId);
  run.decisions.delete(taskId);
  if (!decision) {
    await bookkeeping.expireApprovalTask({ batch: run.records.take(), runId: run.run.id, taskId });
    return { port: 'timeout', output: { outcome: 'timeout' } };
  }
  const { outcome, data, decidedBy, comment } = decision;
  return { port: outcome, output: { outcome, data, decidedBy, ...(comment ? { comment } : {}) } };
}

/** User or role ids: literals, and what expressions give (one or a list). */
async function assignees(list: NodeOf<'approval'>['assignees'], scope: Scope, run: RunState): Promise<string[]> {
  const resolved: string[] = [];
  for (const assignee of list) {
    const value = isExpressionLeaf(assignee) ? await run.evaluate(assignee.$expr, scope) : assignee;
    resolved.push(...(Array.isArray(value) ? value : [value]).filter((v) => v !== undefined && v !== null).map(String));
  }
  return resolved;
}

// The outer async layer keeps the timing the interpreter always had (see executors/index.ts).
export const executeApproval: Executor<NodeOf<'approval'>> = async (node, step, run) => awaitDecision(node, step, run);
