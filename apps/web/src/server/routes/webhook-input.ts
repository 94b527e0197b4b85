import { httpUrl } from '@cascade/actions';
import { WEBHOOK_EVENT_TYPES } from '@cascade/db';
import { z } from 'zod';

/** What a subscription may be told: the same URL rule as the webhook.send and http.request actions, whose address policy the worker applies when it connects. */
const fields = {
  url: httpUrl.max(2048).describe('http(s) URL the events are POSTed to; the worker refuses private and metadata addresses unless they are on its allowed private hosts, as for webhook.send'),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES))
    .min(1)
    .refine((events) => new Set(events).size === events.length, 'List each event type once')
    .describe('The events it receives'),
  description: z.string().trim().max(200),
  enabled: z.boolean(),
};

export const webhookSubscriptionInput = z
  .object({ ...fields, description: fields.description.default(''), enabled: fields.enabled.default(true) })
  .meta({ id: 'CreateWebhookSubscription' });

export const webhookSubscriptionUpdate = z
  .object(fields)
  .partial()
  .refine((update) => Object.keys(update).length > 0, 'Send at least one of url, events, description, enabled')
  .meta({ id: 'UpdateWebhookSubscription' });

/**
 * What the audit trail keeps of a subscription change: a webhook URL's path or query often is the
 * credential (chat and CI hooks), so only its origin is recorded.
 */
export function auditWebhookInput(body: { url?: string; events?: string[]; description?: string; enabled?: boolean }) {
  return { ...body, ...(body.url ? { url: `${new URL(body.url).origin}/…` } : {}) };
}
