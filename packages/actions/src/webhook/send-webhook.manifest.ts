import { z } from 'zod';
import { defineManifest } from '../define-action';
import { headerRecord, httpUrl, secretName, timeoutMs } from '../http/schemas';

export const sendWebhookManifest = defineManifest({
  id: 'webhook.send',
  version: 1,
  label: 'Send a webhook',
  description:
    'POSTs a JSON payload signed with HMAC-SHA256 (X-Cascade-Signature over "<timestamp>.<body>"). Idempotency-Key and X-Cascade-Delivery repeat across retries so the receiver can drop duplicates; anything but 2xx fails the step.',
  category: 'Integrations',
  input: z.object({
    url: httpUrl,
    payload: z.json().describe('Sent as the JSON body'),
    secret: secretName.describe('Name of the tenant secret the body is signed with'),
    headers: headerRecord(z.string()).default({}).describe('Extra plain headers'),
    timeoutMs,
  }),
  output: z.object({
    status: z.number().int(),
    deliveryId: z.string(),
    body: z.unknown().describe("The receiver's answer: parsed JSON, text, or null when empty"),
  }),
  // Retries repeat the delivery id, which receivers are expected to deduplicate on.
  idempotent: true,
  sideEffects: true,
});
