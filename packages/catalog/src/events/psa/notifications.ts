import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { choice, entityId, failure, label, tenantId, timestamp } from '../../fields';

const notificationId = () => entityId('Notification the event is about');
const notificationChannel = () => choice(['email', 'sms', 'in_app', 'push'], 'Channel the notification went through');
const recipientId = () => entityId('User or contact the notification is for');

export const notificationSent = defineEvent({
  type: 'NOTIFICATION_SENT',
  displayName: 'Notification Sent',
  description: 'Notification queued/sent.',
  category: 'Email & Notifications',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    notificationId: notificationId(),
    channel: notificationChannel(),
    recipientId: recipientId(),
    sentAt: timestamp('When the notification was sent'),
    templateId: entityId('Template the notification was rendered from').optional(),
    contextType: label('Kind of record the notification is about, e.g. ticket').optional(),
    contextId: entityId('Record the notification is about').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    notificationId: '5c7ad98b-1b9c-4ebf-8ad2-91a2b3c4d5e6',
    channel: 'in_app',
    recipientId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    sentAt: '2026-03-02T08:20:01Z',
    templateId: 'ticket-assigned',
    contextType: 'ticket',
    contextId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
  },
});

export const notificationDelivered = defineEvent({
  type: 'NOTIFICATION_DELIVERED',
  displayName: 'Notification Delivered',
  description: 'Provider confirmed delivery.',
  category: 'Email & Notifications',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    notificationId: notificationId(),
    channel: notificationChannel(),
    recipientId: recipientId(),
    deliveredAt: timestamp('When delivery was confirmed'),
    providerMessageId: label('Id the delivery provider gave the message').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    notificationId: '6d8bea9c-2cad-4fc0-9be3-a2b3c4d5e6f7',
    channel: 'sms',
    recipientId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    deliveredAt: '2026-03-02T08:20:04Z',
    providerMessageId: 'SM9f8e7d6c5b4a39281706f5e4d3c2b1a0',
  },
});

export const notificationFailed = defineEvent({
  type: 'NOTIFICATION_FAILED',
  displayName: 'Notification Failed',
  description: 'Delivery failed.',
  category: 'Email & Notifications',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    notificationId: notificationId(),
    channel: notificationChannel(),
    recipientId: recipientId(),
    failedAt: timestamp('When delivery failed'),
    ...failure(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    notificationId: '6d8bea9c-2cad-4fc0-9be3-a2b3c4d5e6f7',
    channel: 'push',
    recipientId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    failedAt: '2026-03-02T08:20:04Z',
    errorCode: 'UNREGISTERED',
    errorMessage: 'Device token is no longer registered',
    retryable: false,
  },
});

export const notificationRead = defineEvent({
  type: 'NOTIFICATION_READ',
  displayName: 'Notification Read',
  description: 'Recipient opened/read notification (trackable channels only).',
  category: 'Email & Notifications',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    notificationId: notificationId(),
    channel: notificationChannel(),
    recipientId: recipientId(),
    readAt: timestamp('When the notification was read'),
    client: label('App or client the notification was read in, e.g. web or ios').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    notificationId: '5c7ad98b-1b9c-4ebf-8ad2-91a2b3c4d5e6',
    channel: 'in_app',
    recipientId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    readAt: '2026-03-02T08:25:40Z',
    client: 'web',
  },
});
