import { getActionHandler } from '@cascade/actions/handlers';
import { withSpan } from '@cascade/telemetry';
import { ApplicationFailure } from '@temporalio/common';
import { recordIntent, releaseIntent } from '../run-records/execution-intent';
import { actionContext, resolveAction, runAction } from './action-runner';
import { asStep, type RunActivityDependencies, type StepCall } from './step-activity';

export interface ExecuteActionCall extends StepCall {
  actionId: string;
  input: unknown;
  /** The node's `repeatUncertain`: act again after an attempt that may have acted, even if the action is not idempotent. */
  repeatUncertain?: boolean;
}

/** The failure of a step whose earlier attempt may have acted, for an action that must not act twice. */
function uncertainEffect(actionId: string, startedAt: Date): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    `${actionId} may already have acted: an attempt that started at ${startedAt.toISOString()} never reported back (its worker stopped, or the step timed out), ` +
      `and ${actionId} is not idempotent, so it is not repeated. Check its target; set "repeatUncertain": true on the node to repeat it in such cases.`,
    'UncertainEffect',
  );
}

/** What `callAction` answers: the output, and whether it wrote the step (else the caller batches it). */
export interface ActionResult {
  output: unknown;
  stepWritten: boolean;
  attempts: number;
}

/** The action node's activities: built-in actions and the tenant's remote ones, each as its step. */
export function createActionActivities(deps: RunActivityDependencies) {
  const { db } = deps;

  /**
   * An action as the call's step; with `leaveStep`, the step of one without side effects is left
   * to the caller. One with side effects records its intent before acting and its output after,
   * under a key stable across attempts: a retry answers the recorded output, and after an attempt
   * that may have acted without reporting back (its worker died, or it timed out) only an
   * idempotent action, or one its node allows, acts again, under the same key.
   */
  async function performAction(call: ExecuteActionCall, leaveStep: boolean): Promise<ActionResult> {
    const secrets = deps.secrets.forTenant(call.tenantId);
    const idempotencyKey = `${call.runId}:${call.step.key}`;
    // Built-in actions say whether they have side effects; a tenant's remote action may always have.
    const recorded = getActionHandler(call.actionId)?.sideEffects ?? true;
    return asStep(db, call, async () => {
      const action = await resolveAction(db, call.actionId, call.tenantId);
      if (recorded) {
        const prior = await recordIntent(db, { idempotencyKey, tenantId: call.tenantId, actionId: call.actionId });
        if (prior.state === 'completed') return { output: prior.output };
        if (prior.state === 'uncertain' && !action.idempotent && !call.repeatUncertain) throw uncertainEffect(call.actionId, prior.startedAt);
      }
      const context = actionContext(deps, call, idempotencyKey, secrets);
      let output: unknown;
      try {
        // Identifiers only on the span: an action's input and output may hold secrets.
        const attributes = { 'cascade.action.id': call.actionId, 'cascade.run.id': call.runId, 'cascade.step.key': call.step.key };
        output = secrets.redact(await withSpan(`action ${call.actionId}`, { attributes }, () => runAction(action, call.actionId, call.input, context)));
      } catch (error) {
        // An action that answered with a failure has a known outcome; one cut off by a timeout may still act.
        if (recorded && !context.signal.aborted) await releaseIntent(db, idempotencyKey);
        throw error;
      }
      return { output, ...(recorded ? { execution: { idempotencyKey, tenantId: call.tenantId, actionId: call.actionId, output } } : {}) };
    }, { redact: secrets.redact, leaveStep: leaveStep && !recorded, action: call.actionId });
  }

  return {
    /** Runs of interpreter revision 0: the step is always written here, and the output is the result. */
    async executeAction(call: ExecuteActionCall): Promise<unknown> {
      return (await performAction(call, false)).output;
    },

    /**
     * From interpreter revision 1: an action without side effects whose step does not close the
     * run leaves its step (and the batch) to the run's next write, so it costs no statement.
     */
    async callAction(call: ExecuteActionCall): Promise<ActionResult> {
      return performAction(call, true);
    },
  };
}
