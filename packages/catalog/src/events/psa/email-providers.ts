import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { emailAddress, entityId, label, reason, tenantId, timestamp } from '../../fields';

const providerId = () => entityId('Configured inbound mail provider');
const providerType = () => label('Kind of mail provider, e.g. google or microsoft');
const mailbox = () => emailAddress('Mailbox the provider reads');

export const emailProviderConnected = defineEvent({
  type: 'EMAIL_PROVIDER_CONNECTED',
  displayName: 'Email Provider Connected',
  description: 'An inbound mailbox was connected, so mail to it becomes tickets and replies.',
  category: 'Email & Notifications',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    providerId: providerId(),
    providerType: providerType(),
    mailbox: mailbox(),
    connectedByUserId: entityId('Staff user who connected the mailbox'),
    connectedAt: timestamp('When the mailbox was connected'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    providerId: '0d25e436-c14d-4f6a-9c8e-4c5d6e7f8091',
    providerType: 'microsoft',
    mailbox: 'support@northbridge-it.example',
    connectedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    connectedAt: '2026-01-04T09:00:00Z',
  },
});

export const emailProviderDisconnected = defineEvent({
  type: 'EMAIL_PROVIDER_DISCONNECTED',
  displayName: 'Email Provider Disconnected',
  description: 'An inbound mailbox was disconnected by staff or lost its authorization.',
  category: 'Email & Notifications',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    providerId: providerId(),
    providerType: providerType(),
    mailbox: mailbox(),
    disconnectedByUserId: entityId('Staff user who disconnected the mailbox; absent when the provider revoked access').optional(),
    disconnectedAt: timestamp('When the mailbox was disconnected'),
    reason: reason('Why the mailbox was disconnected'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    providerId: '0d25e436-c14d-4f6a-9c8e-4c5d6e7f8091',
    providerType: 'microsoft',
    mailbox: 'support@northbridge-it.example',
    disconnectedAt: '2026-02-14T03:12:00Z',
    reason: 'Refresh token revoked by the provider',
  },
});
