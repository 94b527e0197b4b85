import { ActionFailure, callRemoteAction, getActionHandler, type ActionContext, type SecretReader } from '@cascade/actions/handlers';
import type { Database, RemoteAction } from '@cascade/db';
import { checkTenantSchema } from '@cascade/ingestion';
import { SecretDestinationRefusedError, type TenantSecrets } from '@cascade/secrets';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { RunActivityDependencies, StepCall } from './step-activity';

/**
 * Running one action, built in or a tenant's remote one, with its input and output checked: what
 * a production run's action step does (actions.ts) and what a test run does for the actions it
 * lets act (test-runs/test-run-activities.ts).
 */

export type ResolvedAction =
  | { handler: NonNullable<ReturnType<typeof getActionHandler>>; remote?: undefined; idempotent: boolean }
  | { handler?: undefined; remote: RemoteAction; idempotent: boolean };

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

/** The built-in action of that id, or else the tenant's remote one. */
export async function resolveAction(db: Database, actionId: string, tenantId: string): Promise<ResolvedAction> {
  const handler = getActionHandler(actionId);
  if (handler) return { handler, idempotent: handler.idempotent };
  const remote = await db.remoteAction.findUnique({ where: { tenantId_actionId: { tenantId, actionId } } });
  if (!remote) throw ApplicationFailure.nonRetryable(`Unknown action ${actionId}: neither built in nor registered by this tenant`, 'UnknownAction');
  return { remote, idempotent: remote.idempotent };
}

/** Runs the action with its input and output checked against their schemas. */
export async function runAction(action: ResolvedAction, actionId: string, rawInput: unknown, context: ActionContext): Promise<unknown> {
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

/** What the action sees of its step: tenant, keys, cancellation, a redacting log, secrets, services. */
export function actionContext(deps: RunActivityDependencies, call: StepCall & { actionId: string }, idempotencyKey: string, secrets: TenantSecrets): ActionContext {
  const log = deps.logger.child({ runId: call.runId, node: call.step.key, action: call.actionId });
  return {
    tenantId: call.tenantId,
    runId: call.runId,
    idempotencyKey,
    signal: Context.current().cancellationSignal,
    log: (text, fields) => log.info(secrets.redact(fields ?? {}) as object, secrets.redact(text) as string),
    secrets: secretReader(secrets),
    services: deps.services({ tenantId: call.tenantId, runId: call.runId }),
  };
}
