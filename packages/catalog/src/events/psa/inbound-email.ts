import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { count, entityId, label, tenantId, text, timestamp } from '../../fields';
import { emailMessageId, emailProvider, emailThreadId, mailAddress, mailAddresses } from './email-fields';

export const inboundEmailReceived = defineEvent({
  type: 'INBOUND_EMAIL_RECEIVED',
  displayName: 'Inbound Email Received',
  description: 'An email arrived in a connected mailbox.',
  category: 'Email & Notifications',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    messageId: emailMessageId('Email that arrived'),
    threadId: emailThreadId().optional(),
    from: mailAddress('Sender address'),
    to: mailAddresses('Recipient addresses'),
    cc: mailAddresses('Copied addresses').optional(),
    subject: text('Subject line'),
    receivedAt: timestamp('When the email arrived'),
    provider: emailProvider(),
    attachmentsCount: count('Number of attachments').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    messageId: '1e36f547-d25e-4a7b-8d9f-5d6e7f8091a2',
    from: 'Priya Raman <priya.raman@contoso-dental.example>',
    to: ['support@northbridge-it.example'],
    subject: 'Printer in room 3 offline again',
    receivedAt: '2026-03-02T07:58:41Z',
    provider: 'microsoft',
    attachmentsCount: 0,
  },
});

export const inboundEmailReplyReceived = defineEvent({
  type: 'INBOUND_EMAIL_REPLY_RECEIVED',
  displayName: 'Inbound Email Reply Received',
  description: 'Inbound email identified as reply to existing thread/ticket.',
  category: 'Email & Notifications',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    messageId: emailMessageId('Reply that arrived'),
    threadId: emailThreadId(),
    ticketId: entityId('Ticket the thread belongs to, if any').optional(),
    from: mailAddress('Sender address'),
    to: mailAddresses('Recipient addresses'),
    subject: text('Subject line'),
    receivedAt: timestamp('When the reply arrived'),
    provider: emailProvider(),
    matchedBy: label('How the reply was matched to its thread, e.g. in_reply_to, references or subject_token'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    messageId: '2f47a658-e36f-4b8c-9eaf-6e7f8091a2b3',
    threadId: '3a58b769-f47a-4c9d-8fb0-7f8091a2b3c4',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    from: 'priya.raman@contoso-dental.example',
    to: ['support@northbridge-it.example'],
    subject: 'RE: [TIC-004217] Outlook keeps asking for the password',
    receivedAt: '2026-03-02T13:47:12+01:00',
    provider: 'microsoft',
    matchedBy: 'in_reply_to',
  },
});
