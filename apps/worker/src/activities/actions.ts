import { ActionFailure, callRemoteAction, getActionHandler, type ActionContext, type SecretReader } from '@cascade/actions/handlers';
import { checkTenantSchema } from '@cascade/ingestion';
import { withSpan } from '@cascade/telemetry';
import { SecretDestinationRefusedError, type TenantSecrets } from '@cascade/secrets';
import { Context } from '@temporalio/activity';
import type { RemoteAction } from '@cascade/db';
import { ApplicationFailure } from '@temporalio/common';
import { recordIntent, releaseIntent } from '../run-records/execution-intent';
import { asStep, type RunActivityDependencies, type StepCall } from './step-activity';

export interface ExecuteActionCall extends StepCall {
  actionId: string;
  input: unknown;
  /** The node's `repeatUncertain`: act again after an attempt that may have acted, even if the action is not idempotent. */
  repeatUncertain?: boolean;
}

type ResolvedAction =
  | { handler: NonNullable<ReturnType<typeof getActionHandler>>; remote?: undefined; idempotent: boolean }
  | { handler?: undefined; remote: RemoteAction; idempotent: boolean };

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

/** `amount: must be number; lines.0.sku: …`; JSON Schema paths arrive as pointers under /example. */
const issuesText = (issues: ReadonlyArray<{ path: string; message: string }>) =>
  issues.map((issue) => `${issue.path.replace(/^\/example\/?/, '').replaceAll('/', '.') || '(input)'}: ${issue.message}`).join('; ');

/** The step's secrets as actions see them: a refused destination fails the step at once, since retrying cannot change the allow-list. */
function secretReader(secrets: TenantSecrets): SecretReader {
  return {
    reveal: (name, destination) =>
      secrets.reveal(name, destination).catch((error: unknown) => {
        throw error instanceof SecretDestinationRefusedError ? new ActionFailure(error.message, { retryable: false, cause: error }) : error;
      }),
  };
}

/** The action node's activities: built-in actions and the tenant's remote ones, each as its step. */
export function createActionActivities(deps: RunActivityDependencies) {
  const { db } = deps;

  /** The built-in action of that id, or else the tenant's remote one. */
  async function resolveAction(actionId: string, tenantId: string): Promise<ResolvedAction> {
    const handler = getActionHandler(actionId);
    if (handler) return { handler, idempotent: handler.idempotent };
    const remote = await db.remoteAction.findUnique({ where: { tenantId_actionId: { tenantId, actionId } } });
    if (!remote) throw ApplicationFailure.nonRetryable(`Unknown action ${actionId}: neither built in nor registered by this tenant`, 'UnknownAction');
    return { remote, idempotent: remote.idempotent };
  }

  /** Runs the action with its input and output checked against their schemas. */
  async function runAction(action: ResolvedAction, actionId: string, rawInput: unknown, context: ActionContext): Promise<unknown> {
    const { handler, remote } = action;
    if (handler) {
      const input = handler.input.safeParse(rawInput);
      if (!input.success) {
        const issues = input.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
        throw ApplicationFailure.nonRetryable(`Input of ${actionId} is invalid: ${issuesText(issues)}`, 'InvalidActionInput');
      }
      return handler.output.parse(await handler.run(input.data, context)) as unknown;
    }
    const inputIssues = checkTenantSchema(remote.inputSchema, rawInput);
    if (inputIssues.length) throw ApplicationFailure.nonRetryable(`Input of ${actionId} is invalid: ${issuesText(inputIssues)}`, 'InvalidActionInput');
    const output = await callRemoteAction(remote, rawInput, context);
    const outputIssues = checkTenantSchema(remote.outputSchema, output);
    if (outputIssues.length) throw ApplicationFailure.nonRetryable(`${actionId} answered an output its schema refuses: ${issuesText(outputIssues)}`, 'InvalidActionOutput');
    return output;
  }

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
      const action = await resolveAction(call.actionId, call.tenantId);
      if (recorded) {
        const prior = await recordIntent(db, { idempotencyKey, tenantId: call.tenantId, actionId: call.actionId });
        if (prior.state === 'completed') return { output: prior.output };
        if (prior.state === 'uncertain' && !action.idempotent && !call.repeatUncertain) throw uncertainEffect(call.actionId, prior.startedAt);
      }
      const log = deps.logger.child({ runId: call.runId, node: call.step.key, action: call.actionId });
      const context: ActionContext = {
        tenantId: call.tenantId,
        runId: call.runId,
        idempotencyKey,
        signal: Context.current().cancellationSignal,
        log: (text, fields) => log.info(secrets.redact(fields ?? {}) as object, secrets.redact(text) as string),
        secrets: secretReader(secrets),
        services: deps.services({ tenantId: call.tenantId, runId: call.runId }),
      };
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
