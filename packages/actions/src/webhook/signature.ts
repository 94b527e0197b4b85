import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Cascade-Signature';
export const TIMESTAMP_HEADER = 'X-Cascade-Timestamp';
export const DELIVERY_HEADER = 'X-Cascade-Delivery';

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`: the timestamp is signed so a replay cannot refresh it. */
export function signWebhookPayload(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
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
