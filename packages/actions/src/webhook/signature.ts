import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Cascade-Signature';
export const TIMESTAMP_HEADER = 'X-Cascade-Timestamp';
export const DELIVERY_HEADER = 'X-Cascade-Delivery';

/** The header of Cascade's own event webhooks (run completed, …): `t=<unix seconds>,v1=<hex HMAC>`. */
export const EVENT_SIGNATURE_HEADER = 'Cascade-Signature';

/** Hex HMAC-SHA256 of `"<timestamp>.<body>"`: the timestamp is signed so a replay cannot refresh it. */
const timestampedHmac = (secret: string, timestamp: string, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, the webhook.send action's X-Cascade-Signature. */
export function signWebhookPayload(secret: string, timestamp: string, body: string): string {
  return `sha256=${timestampedHmac(secret, timestamp, body)}`;
}

/** The Cascade-Signature header of an event webhook: the same HMAC, with its timestamp in the header. */
export function signEventWebhook(secret: string, timestamp: string, body: string): string {
  return `t=${timestamp},v1=${timestampedHmac(secret, timestamp, body)}`;
}

export interface WebhookToVerify {
  secret: string;
  /** The raw request body, exactly as received (not re-serialised JSON). */
  body: string | Buffer;
  /** The X-Cascade-Signature header. */
  signature: string | null | undefined;
  /** The X-Cascade-Timestamp header: Unix seconds. */
  timestamp: string | null | undefined;
  /** How old (or how far ahead) a delivery may be; 5 minutes unless said otherwise. */
  toleranceSeconds?: number;
  now?: Date;
}

/**
 * For receivers of Cascade's webhooks and remote-action calls: whether the headers carry a
 * signature of this body made with `secret`, within the time tolerance. Compares in constant time.
 */
export function verifyWebhookSignature({ secret, body, signature, timestamp, toleranceSeconds = 300, now = new Date() }: WebhookToVerify): boolean {
  if (!signature || !timestamp || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhookPayload(secret, timestamp, body.toString()));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * For receivers of Cascade's event webhooks: whether the Cascade-Signature header (`t=…,v1=…`)
 * signs this raw body with `secret`, within the time tolerance (5 minutes unless said otherwise).
 * Several v1 values (during a secret rotation) are accepted if any matches. Compares in constant time.
 */
export function verifyEventWebhookSignature({
  secret,
  body,
  header,
  toleranceSeconds = 300,
  now = new Date(),
}: { secret: string; body: string | Buffer; header: string | null | undefined; toleranceSeconds?: number; now?: Date }): boolean {
  const parts = (header ?? '').split(',').map((part) => part.trim().split('='));
  const timestamp = parts.find(([name]) => name === 't')?.[1];
  if (!timestamp || !/^\d+$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(timestampedHmac(secret, timestamp, body.toString()));
  return parts
    .filter(([name, value]) => name === 'v1' && value !== undefined)
    .some(([, value]) => {
      const given = Buffer.from(value!);
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}
