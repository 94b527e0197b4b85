import { randomBytes } from 'node:crypto';
import { openSecret, sealSecret, secretAad } from './cipher';

/**
 * The signing secret of a webhook subscription, sealed with the key that seals tenant secrets and
 * bound to its tenant and subscription (a name no tenant secret can have, since it holds a colon).
 */
const aadOf = (tenantId: string, subscriptionId: string) => secretAad(tenantId, `webhook-subscription:${subscriptionId}`);

/** A fresh signing secret, and its sealed form to store. */
export function createWebhookSigningSecret(key: Buffer, tenantId: string, subscriptionId: string): { secret: string; sealed: string } {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  return { secret, sealed: sealSecret(key, aadOf(tenantId, subscriptionId), secret) };
}

export function openWebhookSigningSecret(key: Buffer, tenantId: string, subscriptionId: string, sealed: string): string {
  return openSecret(key, aadOf(tenantId, subscriptionId), sealed);
}
