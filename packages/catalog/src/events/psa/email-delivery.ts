import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { choice, emailAddress, label, positiveInteger, tenantId, text, timestamp } from '../../fields';
import { emailMessageId, emailProvider, providerMessageId } from './email-fields';

const recipient = () => emailAddress('Recipient the provider reported on');

export const emailDelivered = defineEvent({
  type: 'EMAIL_DELIVERED',
  displayName: 'Email Delivered',
  description: 'Provider confirmed delivery.',
  category: 'Email & Notifications',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    messageId: emailMessageId('Email that was delivered'),
    providerMessageId: providerMessageId(),
    to: recipient(),
    deliveredAt: timestamp('When the email was delivered'),
    provider: emailProvider(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    messageId: '4b69c87a-0a8b-4dae-9fc1-8091a2b3c4d5',
    providerMessageId: '<0100018e0a1b2c3d-4e5f@email.amazonses.com>',
    to: 'priya.raman@contoso-dental.example',
    deliveredAt: '2026-03-02T10:12:36Z',
    provider: 'ses',
  },
});

export const emailBounced = defineEvent({
  type: 'EMAIL_BOUNCED',
  displayName: 'Email Bounced',
  description: 'Provider reported bounce.',
  category: 'Email & Notifications',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    messageId: emailMessageId('Email that bounced'),
    providerMessageId: providerMessageId(),
    to: recipient(),
    bouncedAt: timestamp('When the bounce was reported'),
    bounceType: choice(['hard', 'soft'], 'Hard bounces are permanent; soft bounces may succeed later'),
    smtpCode: positiveInteger('SMTP reply code, e.g. 550').optional(),
    smtpMessage: text('SMTP reply text').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    messageId: '4b69c87a-0a8b-4dae-9fc1-8091a2b3c4d5',
    providerMessageId: '<0100018e0a1b2c3d-4e5f@email.amazonses.com>',
    to: 'former.employee@contoso-dental.example',
    bouncedAt: '2026-03-02T10:12:40Z',
    bounceType: 'hard',
    smtpCode: 550,
    smtpMessage: '5.1.1 The email account that you tried to reach does not exist',
  },
});

export const emailComplaintReceived = defineEvent({
  type: 'EMAIL_COMPLAINT_RECEIVED',
  displayName: 'Email Complaint Received',
  description: 'Recipient complaint/spam report.',
  category: 'Email & Notifications',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    messageId: emailMessageId('Email that was reported'),
    providerMessageId: providerMessageId(),
    to: recipient(),
    complainedAt: timestamp('When the complaint was reported'),
    provider: emailProvider(),
    complaintType: label('Complaint category reported by the provider, e.g. abuse').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    messageId: '4b69c87a-0a8b-4dae-9fc1-8091a2b3c4d5',
    providerMessageId: '<0100018e0a1b2c3d-4e5f@email.amazonses.com>',
    to: 'priya.raman@contoso-dental.example',
    complainedAt: '2026-03-02T11:00:00Z',
    provider: 'ses',
    complaintType: 'abuse',
  },
});

export const emailUnsubscribed = defineEvent({
  type: 'EMAIL_UNSUBSCRIBED',
  displayName: 'Email Unsubscribed',
  description: 'Recipient unsubscribed.',
  category: 'Email & Notifications',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    recipientEmail: emailAddress('Address that unsubscribed'),
    unsubscribedAt: timestamp('When the recipient unsubscribed'),
    source: label('Where the unsubscribe came from, e.g. list_unsubscribe_header, preference_center'),
    messageId: emailMessageId('Email whose unsubscribe link was used, if any').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    recipientEmail: 'priya.raman@contoso-dental.example',
    unsubscribedAt: '2026-03-04T18:30:00Z',
    source: 'list_unsubscribe_header',
    messageId: '4b69c87a-0a8b-4dae-9fc1-8091a2b3c4d5',
  },
});
