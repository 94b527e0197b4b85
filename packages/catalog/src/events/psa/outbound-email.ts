import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { entityId, failure, tenantId, text, timestamp } from '../../fields';
import { emailMessageId, emailProvider, emailThreadId, mailAddress, mailAddresses, providerMessageId } from './email-fields';

const linkedTicketId = () => entityId('Ticket the email belongs to, if any').optional();

export const outboundEmailQueued = defineEvent({
  type: 'OUTBOUND_EMAIL_QUEUED',
  displayName: 'Outbound Email Queued',
  description: 'Outbound email queued for sending.',
  category: 'Email & Notifications',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    messageId: emailMessageId('Email that was queued'),
    threadId: emailThreadId().optional(),
    ticketId: linkedTicketId(),
    from: mailAddress('Sender address'),
    to: mailAddresses('Recipient addresses'),
    cc: mailAddresses('Copied addresses').optional(),
    subject: text('Subject line'),
    queuedAt: timestamp('When the email was queued'),
    provider: emailProvider(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    messageId: '4b69c87a-0a8b-4dae-9fc1-8091a2b3c4d5',
    threadId: '3a58b769-f47a-4c9d-8fb0-7f8091a2b3c4',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    from: 'support@northbridge-it.example',
    to: ['priya.raman@contoso-dental.example'],
    cc: ['it-lead@contoso-dental.example'],
    subject: '[TIC-004217] Outlook keeps asking for the password',
    queuedAt: '2026-03-02T10:12:31Z',
    provider: 'smtp',
  },
});

export const outboundEmailSent = defineEvent({
  type: 'OUTBOUND_EMAIL_SENT',
  displayName: 'Outbound Email Sent',
  description: 'Provider accepted outbound email.',
  category: 'Email & Notifications',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    messageId: emailMessageId('Email that was sent'),
    providerMessageId: providerMessageId(),
    threadId: emailThreadId().optional(),
    ticketId: linkedTicketId(),
    sentAt: timestamp('When the provider accepted the email'),
    provider: emailProvider(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    messageId: '4b69c87a-0a8b-4dae-9fc1-8091a2b3c4d5',
    providerMessageId: '<0100018e0a1b2c3d-4e5f@email.amazonses.com>',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    sentAt: '2026-03-02T10:12:33Z',
    provider: 'smtp',
  },
});

export const outboundEmailFailed = defineEvent({
  type: 'OUTBOUND_EMAIL_FAILED',
  displayName: 'Outbound Email Failed',
  description: 'Provider rejected/failed outbound email.',
  category: 'Email & Notifications',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    messageId: emailMessageId('Email that failed'),
    threadId: emailThreadId().optional(),
    ticketId: linkedTicketId(),
    failedAt: timestamp('When sending failed'),
    provider: emailProvider(),
    ...failure(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    messageId: '4b69c87a-0a8b-4dae-9fc1-8091a2b3c4d5',
    failedAt: '2026-03-02T10:12:35Z',
    provider: 'smtp',
    errorCode: 'ETIMEDOUT',
    errorMessage: 'Connection to smtp.example.net:587 timed out',
    retryable: true,
  },
});
