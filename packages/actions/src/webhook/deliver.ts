import type { ActionContext } from '../define-action';
import { IDEMPOTENCY_HEADER, sendOutboundRequest, USER_AGENT, type OutboundResponse } from '../net/outbound-request';
import { statusFailure } from '../net/status-failure';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhookPayload, TIMESTAMP_HEADER } from './signature';

export interface SignedDelivery {
  url: string;
  payload: unknown;
  /** Name of the tenant secret to sign with; null sends the delivery unsigned. */
  signingSecret: string | null;
  headers?: Record<string, string>;
  timeoutMs: number;
}

/**
 * POSTs `payload` as JSON, signed and carrying the step's idempotency key as the delivery id,
 * under the address policy. Anything but 2xx throws (redirects are not followed), so the step retries.
 */
export async function deliverSignedJson(delivery: SignedDelivery, context: ActionContext): Promise<OutboundResponse> {
  const body = JSON.stringify(delivery.payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  // Extra headers cannot stand in for the ones the receiver verifies.
  const extra = Object.entries(delivery.headers ?? {}).filter(([name]) => !/^(content-type|user-agent|idempotency-key|x-cascade-.*)$/i.test(name));
  const headers: Record<string, string> = {
    ...Object.fromEntries(extra),
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    [TIMESTAMP_HEADER]: timestamp,
    [DELIVERY_HEADER]: context.idempotencyKey,
    // The same key on every attempt, under the name receivers that dedupe look for.
    [IDEMPOTENCY_HEADER]: context.idempotencyKey,
  };
  const url = new URL(delivery.url);
  // A signature made with the secret is as good as the secret to whoever receives it: the same allow-list applies.
  if (delivery.signingSecret !== null) {
    headers[SIGNATURE_HEADER] = signWebhookPayload(await context.secrets.reveal(delivery.signingSecret, url), timestamp, body);
  }
  const request = { method: 'POST', url, headers, body };
  const response = await sendOutboundRequest(request, {
    allowedPrivateHosts: context.services.allowedPrivateHosts,
    signal: context.signal,
    timeoutMs: delivery.timeoutMs,
    maxRedirects: 0,
  });
  if (response.status < 200 || response.status > 299) throw statusFailure(request, response);
  return response;
}
