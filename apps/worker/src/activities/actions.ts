import { ActionFailure, callRemoteAction, getActionHandler, type ActionContext, type SecretReader } from '@cascade/actions/handlers';
import { checkTenantSchema } from '@cascade/ingestion';
import { SecretDestinationRefusedError, type TenantSecrets } from '@cascade/secrets';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { asStep, type RunActivityDependencies, type StepCall } from './step-activity';

export interface ExecuteActionCall extends StepCall {
  actionId: string;
  input: unknown;
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

  /** Runs a built-in action, or else the tenant's remote action of that id; input and output checked against their schemas. */
  async function runAction(actionId: string, rawInput: unknown, context: ActionContext): Promise<unknown> {
    const handler = getActionHandler(actionId);
    if (handler) {
      const input = handler.input.safeParse(rawInput);
      if (!input.success) {
        const issues = input.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
        throw ApplicationFailure.nonRetryable(`Input of ${actionId} is invalid: ${issuesText(issues)}`, 'InvalidActionInput');
      }
      return handler.output.parse(await handler.run(input.data, context)) as unknown;
    }
    const remote = await db.remoteAction.findUnique({ where: { tenantId_actionId: { tenantId: context.tenantId, actionId } } });
    if (!remote) throw ApplicationFailure.nonRetryable(`Unknown action ${actionId}: neither built in nor registered by this tenant`, 'UnknownAction');
    const inputIssues = checkTenantSchema(remote.inputSchema, rawInput);
    if (inputIssues.length) throw ApplicationFailure.nonRetryable(`Input of ${actionId} is invalid: ${issuesText(inputIssues)}`, 'InvalidActionInput');
    const output = await callRemoteAction(remote, rawInput, context);
    const outputIssues = checkTenantSchema(remote.outputSchema, output);
    if (outputIssues.length) throw ApplicationFailure.nonRetryable(`${actionId} answered an output its schema refuses: ${issuesText(outputIssues)}`, 'InvalidActionOutput');
    return output;
  }

  /** An action as the call's step; with `leaveStep`, the step of one without side effects is left to the caller. */
  async function performAction(call: ExecuteActionCall, leaveStep: boolean): Promise<ActionResult> {
    const secrets = deps.secrets.forTenant(call.tenantId);
    // Built-in actions say whether they have side effects; a tenant's remote action may always have.
    const recorded = getActionHandler(call.actionId)?.sideEffects ?? true;
    return asStep(db, call, async () => {
      const idempotencyKey = `${call.runId}:${call.step.key}`;
      const done = recorded ? await db.actionExecution.findUnique({ where: { idempotencyKey } }) : null;
      if (done) return { output: done.output };
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
      const output = secrets.redact(await runAction(call.actionId, call.input, context));
      return { output, ...(recorded ? { execution: { idempotencyKey, tenantId: call.tenantId, actionId: call.actionId, output } } : {}) };
    }, { redact: secrets.redact, leaveStep: leaveStep && !recorded });
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
