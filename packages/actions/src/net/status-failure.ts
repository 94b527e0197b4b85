import { ActionFailure } from '../define-action';
import { displayUrl, type OutboundRequest, type OutboundResponse } from './outbound-request';

/** Statuses that say "try again later"; any other 4xx is the request's fault and retrying repeats it. */
const RETRYABLE_STATUSES = new Set([408, 425, 429]);

export const isRetryableStatus = (status: number) => status >= 500 || RETRYABLE_STATUSES.has(status);

/** A failure for a response that is not 2xx, quoting the start of what came back. */
export function statusFailure(request: Pick<OutboundRequest, 'method' | 'url'>, response: OutboundResponse): ActionFailure {
  return new ActionFailure(`${request.method} ${displayUrl(request.url)} answered ${response.status}${quote(response.body)}`, {
    retryable: isRetryableStatus(response.status),
  });
}

/** `: "<first 300 characters>"`, or nothing for an empty body. */
export function quote(body: string): string {
  const trimmed = body.trim();
  if (!trimmed) return ' with an empty body';
  return `: ${JSON.stringify(trimmed.length > 300 ? `${trimmed.slice(0, 300)}…` : trimmed)}`;
}
