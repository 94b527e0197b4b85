import { ActionFailure, type ActionContext } from '../define-action';
import { displayUrl } from '../net/outbound-request';
import { quote } from '../net/status-failure';
import { deliverSignedJson } from '../webhook/deliver';

/** What Cascade needs to call an action a tenant registered (a `remote_actions` row). */
export interface RemoteActionTarget {
  actionId: string;
  endpoint: string;
  /** Name of the tenant secret requests are signed with, as webhook.send signs; null: unsigned. */
  signingSecret: string | null;
}

export const REMOTE_ACTION_TIMEOUT_MS = 30_000;

/**
 * Calls a tenant's remote action: POSTs `{actionId, input, tenantId, runId, idempotencyKey}`,
 * signed like webhook.send and under the same address policy, and returns the `output` of the
 * JSON it answers. Which schemes an endpoint may use is decided where it is registered (the
 * actions API); here it only has to pass the address policy.
 */
export async function callRemoteAction(remote: RemoteActionTarget, input: unknown, context: ActionContext): Promise<unknown> {
  const fail = (message: string, retryable: boolean, cause?: unknown) =>
    new ActionFailure(`Remote action ${remote.actionId}: ${message}`, { retryable, cause });
  let url: URL;
  try {
    url = new URL(remote.endpoint);
  } catch (error) {
    throw fail(`endpoint ${JSON.stringify(remote.endpoint)} is not a URL`, false, error);
  }
  const payload = { actionId: remote.actionId, input, tenantId: context.tenantId, runId: context.runId, idempotencyKey: context.idempotencyKey };
  const response = await deliverSignedJson(
    { url: remote.endpoint, payload, signingSecret: remote.signingSecret, timeoutMs: REMOTE_ACTION_TIMEOUT_MS },
    context,
  ).catch((error: unknown) => {
    if (context.signal.aborted) throw error;
    throw error instanceof ActionFailure ? fail(error.message, error.retryable, error) : fail(String((error as Error).message ?? error), true, error);
  });
  let answer: unknown;
  try {
    answer = JSON.parse(response.body);
  } catch (error) {
    throw fail(`${displayUrl(url)} answered ${response.status} with a body that is not JSON${quote(response.body)}`, false, error);
  }
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer) || !('output' in answer)) {
    throw fail(`${displayUrl(url)} answered ${response.status} without an "output" field${quote(response.body)}`, false);
  }
  return answer.output;
}
