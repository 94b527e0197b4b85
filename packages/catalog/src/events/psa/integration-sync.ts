import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { count, durationMs, entityId, failure, label, tenantId, text, timestamp } from '../../fields';
import { connectionId, integrationId, integrationProvider } from './integration-fields';

const syncId = () => entityId('Sync job the event is about');

export const integrationSyncStarted = defineEvent({
  type: 'INTEGRATION_SYNC_STARTED',
  displayName: 'Integration Sync Started',
  description: 'Sync job begins.',
  category: 'Integrations',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    integrationId: integrationId(),
    provider: integrationProvider(),
    connectionId: connectionId().optional(),
    syncId: syncId(),
    scope: label('What is being synced, e.g. invoices or full').optional(),
    initiatedByUserId: entityId('Staff user who started the sync; absent for scheduled syncs').optional(),
    startedAt: timestamp('When the sync started'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    integrationId: '9abe1dcf-5fd0-4cf3-8e16-d5e6f708192a',
    provider: 'quickbooks',
    connectionId: 'abcf2ed0-60e1-4d04-9f27-e6f708192a3b',
    syncId: 'bcd03fe1-71f2-4e15-8a38-f708192a3b4c',
    scope: 'invoices',
    startedAt: '2026-03-02T01:00:00Z',
  },
});

export const integrationSyncCompleted = defineEvent({
  type: 'INTEGRATION_SYNC_COMPLETED',
  displayName: 'Integration Sync Completed',
  description: 'Sync finishes successfully.',
  category: 'Integrations',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    integrationId: integrationId(),
    provider: integrationProvider(),
    connectionId: connectionId().optional(),
    syncId: syncId(),
    startedAt: timestamp('When the sync started'),
    completedAt: timestamp('When the sync completed'),
    durationMs: durationMs(),
    summary: z
      .object({
        created: count('Records created'),
        updated: count('Records updated'),
        deleted: count('Records deleted'),
        skipped: count('Records skipped'),
      })
      .describe('Record counts of the sync'),
    warnings: z.array(text('Warning')).describe('Warnings raised during the sync').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    integrationId: '9abe1dcf-5fd0-4cf3-8e16-d5e6f708192a',
    provider: 'quickbooks',
    syncId: 'bcd03fe1-71f2-4e15-8a38-f708192a3b4c',
    startedAt: '2026-03-02T01:00:00Z',
    completedAt: '2026-03-02T01:02:07Z',
    durationMs: 127412,
    summary: { created: 12, updated: 40, deleted: 0, skipped: 3 },
    warnings: ['3 invoices skipped: customer not mapped'],
  },
});

export const integrationSyncFailed = defineEvent({
  type: 'INTEGRATION_SYNC_FAILED',
  displayName: 'Integration Sync Failed',
  description: 'Sync fails.',
  category: 'Integrations',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    integrationId: integrationId(),
    provider: integrationProvider(),
    connectionId: connectionId().optional(),
    syncId: syncId(),
    startedAt: timestamp('When the sync started'),
    failedAt: timestamp('When the sync failed'),
    durationMs: durationMs('How long the sync ran before failing, in milliseconds'),
    ...failure(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    integrationId: '9abe1dcf-5fd0-4cf3-8e16-d5e6f708192a',
    provider: 'quickbooks',
    syncId: 'bcd03fe1-71f2-4e15-8a38-f708192a3b4c',
    startedAt: '2026-03-02T01:00:00Z',
    failedAt: '2026-03-02T01:00:04Z',
    durationMs: 4210,
    errorCode: 'RATE_LIMITED',
    errorMessage: 'QuickBooks API returned 429 Too Many Requests',
    retryable: true,
  },
});

export const integrationWebhookReceived = defineEvent({
  type: 'INTEGRATION_WEBHOOK_RECEIVED',
  displayName: 'Integration Webhook Received',
  description: 'Webhook received.',
  category: 'Integrations',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    integrationId: integrationId(),
    provider: integrationProvider(),
    connectionId: connectionId().optional(),
    webhookId: entityId('Webhook delivery that arrived'),
    eventName: label('Event name the external system sent, e.g. invoice.paid'),
    receivedAt: timestamp('When the webhook arrived'),
    rawPayloadRef: label('Where the raw webhook body is stored').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    integrationId: '9abe1dcf-5fd0-4cf3-8e16-d5e6f708192a',
    provider: 'quickbooks',
    webhookId: 'cde14af2-82a3-4f26-9b49-08192a3b4c5d',
    eventName: 'Payment.Create',
    receivedAt: '2026-03-02T14:00:02Z',
    rawPayloadRef: 'tenants/7f3c9a2e/webhooks/cde14af2.json',
  },
});
