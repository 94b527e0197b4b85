import {
  ActionFailure,
  displayUrl,
  EVENT_SIGNATURE_HEADER,
  IDEMPOTENCY_HEADER,
  sendOutboundRequest,
  signEventWebhook,
  USER_AGENT,
} from '@cascade/actions/handlers';

export const DELIVERY_ID_HEADER = 'Cascade-Delivery';
export const EVENT_TYPE_HEADER = 'Cascade-Event';

/** A claimed delivery with what sending it needs. */
export interface ClaimedDelivery {
  id: string;
  tenantId: string;
  eventType: string;
  payload: unknown;
  createdAt: Date;
  url: string;
  signingSecret: string;
}

/** How an attempt ended: `retryable` false for what trying again cannot change (a refused address). */
export type AttemptOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string; retryable: boolean };

const TIMEOUT_MS = 10_000;

/**
 * POSTs one delivery, signed (Cascade-Signature: t=…,v1=… over "<t>.<body>"), through the same
 * outbound path and address policy as the webhook.send action; redirects are not followed.
 */
export async function sendWebhookDelivery(delivery: ClaimedDelivery, options: { allowedPrivateHosts: readonly string[]; signal: AbortSignal }): Promise<AttemptOutcome> {
  const body = JSON.stringify({ id: delivery.id, type: delivery.eventType, createdAt: delivery.createdAt.toISOString(), tenantId: delivery.tenantId, data: delivery.payload });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const url = new URL(delivery.url);
  try {
    const response = await sendOutboundRequest(
      {
        method: 'POST',
        url,
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          [EVENT_SIGNATURE_HEADER]: signEventWebhook(delivery.signingSecret, timestamp, body),
          [DELIVERY_ID_HEADER]: delivery.id,
          [EVENT_TYPE_HEADER]: delivery.eventType,
          // The same on every attempt and on a replay, for receivers that drop duplicates.
          [IDEMPOTENCY_HEADER]: delivery.id,
        },
      },
      { allowedPrivateHosts: options.allowedPrivateHosts, signal: options.signal, timeoutMs: TIMEOUT_MS, maxRedirects: 0, maxResponseBytes: 64 * 1024 },
    );
    if (response.status >= 200 && response.status <= 299) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `${displayUrl(url)} answered ${response.status}`, retryable: true };
  } catch (error) {
    const retryable = !(error instanceof ActionFailure) || error.retryable;
    return { ok: false, status: null, error: error instanceof Error ? error.message : String(error), retryable };
  }
}
