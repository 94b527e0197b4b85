import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { actorUserId, anyValue, count, entityId, failure, label, reason, tenantId, timestamp } from '../../fields';
import { connectionId, integrationId, integrationProvider } from './integration-fields';

export const integrationConnected = defineEvent({
  type: 'INTEGRATION_CONNECTED',
  displayName: 'Integration Connected',
  description: 'Connection established.',
  category: 'Integrations',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    integrationId: integrationId(),
    provider: integrationProvider(),
    connectionId: connectionId(),
    connectedAt: timestamp('When the connection was established'),
    connectedByUserId: entityId('Staff user who connected the integration').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    integrationId: '9abe1dcf-5fd0-4cf3-8e16-d5e6f708192a',
    provider: 'quickbooks',
    connectionId: 'abcf2ed0-60e1-4d04-9f27-e6f708192a3b',
    connectedAt: '2026-01-04T10:00:00Z',
    connectedByUserId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
  },
});

export const integrationDisconnected = defineEvent({
  type: 'INTEGRATION_DISCONNECTED',
  displayName: 'Integration Disconnected',
  description: 'Connection removed/invalidated.',
  category: 'Integrations',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    integrationId: integrationId(),
    provider: integrationProvider(),
    connectionId: connectionId(),
    disconnectedAt: timestamp('When the connection ended'),
    disconnectedByUserId: entityId('Staff user who disconnected; absent when the provider invalidated it').optional(),
    reason: reason('Why the connection ended'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    integrationId: '9abe1dcf-5fd0-4cf3-8e16-d5e6f708192a',
    provider: 'quickbooks',
    connectionId: 'abcf2ed0-60e1-4d04-9f27-e6f708192a3b',
    disconnectedAt: '2026-04-04T10:00:00Z',
    reason: 'Authorization revoked in QuickBooks',
  },
});

export const integrationTokenExpiring = defineEvent({
  type: 'INTEGRATION_TOKEN_EXPIRING',
  displayName: 'Integration Token Expiring',
  description: 'OAuth token nearing expiration.',
  category: 'Integrations',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    integrationId: integrationId(),
    provider: integrationProvider(),
    connectionId: connectionId(),
    expiresAt: timestamp('When the token expires'),
    daysUntilExpiry: count('Whole days left until the token expires'),
    notifiedAt: timestamp('When the expiry was noticed'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    integrationId: '9abe1dcf-5fd0-4cf3-8e16-d5e6f708192a',
    provider: 'quickbooks',
    connectionId: 'abcf2ed0-60e1-4d04-9f27-e6f708192a3b',
    expiresAt: '2026-03-16T10:00:00Z',
    daysUntilExpiry: 14,
    notifiedAt: '2026-03-02T06:00:00Z',
  },
});

export const integrationTokenRefreshFailed = defineEvent({
  type: 'INTEGRATION_TOKEN_REFRESH_FAILED',
  displayName: 'Integration Token Refresh Failed',
  description: 'Refresh failed.',
  category: 'Integrations',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    integrationId: integrationId(),
    provider: integrationProvider(),
    connectionId: connectionId(),
    failedAt: timestamp('When the refresh failed'),
    ...failure(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    integrationId: '9abe1dcf-5fd0-4cf3-8e16-d5e6f708192a',
    provider: 'quickbooks',
    connectionId: 'abcf2ed0-60e1-4d04-9f27-e6f708192a3b',
    failedAt: '2026-03-02T06:00:05Z',
    errorCode: 'invalid_grant',
    errorMessage: 'The refresh token is invalid or expired',
    retryable: false,
  },
});

export const externalMappingChanged = defineEvent({
  type: 'EXTERNAL_MAPPING_CHANGED',
  displayName: 'External Mapping Changed',
  description: 'External mapping updated (accounts/tax/service catalog).',
  category: 'Integrations',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    provider: integrationProvider(),
    mappingType: label('What is mapped, e.g. account, tax_code or service'),
    mappingId: entityId('Mapping that changed'),
    actorUserId: actorUserId(),
    changedAt: timestamp('When the mapping changed'),
    previousValue: anyValue('Mapped external value before the change').optional(),
    newValue: anyValue('Mapped external value after the change').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    provider: 'quickbooks',
    mappingType: 'tax_code',
    mappingId: 'def25b03-93b4-4037-8c5a-192a3b4c5d6e',
    actorUserId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
    changedAt: '2026-03-02T15:00:00Z',
    previousValue: { id: '3', name: 'IL State' },
    newValue: { id: '7', name: 'IL State + Chicago' },
  },
});
