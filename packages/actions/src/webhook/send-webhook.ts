import { defineHandler } from '../define-action';
import { displayUrl } from '../net/outbound-request';
import { parseResponseBody } from '../net/parse-body';
import { deliverSignedJson } from './deliver';
import { sendWebhookManifest } from './send-webhook.manifest';

export const sendWebhookHandler = defineHandler(sendWebhookManifest, async (input, context) => {
  const response = await deliverSignedJson(
    { url: input.url, payload: input.payload, signingSecret: input.secret, headers: input.headers, timeoutMs: input.timeoutMs },
    context,
  );
  context.log(`Webhook to ${displayUrl(new URL(input.url))} answered ${response.status}`, { status: response.status, deliveryId: context.idempotencyKey });
  return { status: response.status, deliveryId: context.idempotencyKey, body: parseResponseBody(response, 'auto') };
});
