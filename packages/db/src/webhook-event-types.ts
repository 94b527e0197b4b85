/**
 * Cascade's own events a tenant can subscribe webhooks to. The triggers of migration
 * 20261221010000_webhooks write them to the outbox, in the transaction of the fact they announce.
 */
export const WEBHOOK_EVENT_TYPES = ['run.started', 'run.completed', 'run.failed', 'event.dead_lettered', 'approval.requested'] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
