import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { actorUserId, choice, count, entityId, flag, positiveInteger, tenantId, timestamp } from '../../fields';
import { ticketChannel } from './ticket-fields';

export const ticketMessageAdded = defineEvent({
  type: 'TICKET_MESSAGE_ADDED',
  displayName: 'Ticket Message Added',
  description: 'Any message/comment added (public/private).',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket the message was added to'),
    messageId: entityId('Message that was added'),
    visibility: choice(['public', 'internal'], 'Whether the client can see the message'),
    authorId: entityId('Staff user or contact who wrote the message'),
    authorType: choice(['user', 'contact'], 'Whether the author is staff (user) or a client contact'),
    channel: ticketChannel(),
    createdAt: timestamp('When the message was added'),
    attachmentsCount: count('Number of files attached to the message').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    messageId: 'aa11bb22-cc33-4d44-8e55-ff6600778899',
    visibility: 'public',
    authorId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    authorType: 'user',
    channel: 'ui',
    createdAt: '2026-03-02T10:12:30Z',
    attachmentsCount: 1,
  },
});

export const ticketCustomerReplied = defineEvent({
  type: 'TICKET_CUSTOMER_REPLIED',
  displayName: 'Ticket Customer Replied',
  description: 'Customer reply received (portal/email).',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket the customer replied on'),
    messageId: entityId('Reply message'),
    contactId: entityId('Contact who replied'),
    channel: ticketChannel('Channel the reply arrived through'),
    receivedAt: timestamp('When the reply was received'),
    attachmentsCount: count('Number of files attached to the reply').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    messageId: 'bb22cc33-dd44-4e55-8f66-007788990011',
    contactId: '8c2e4f6a-1b3d-4c5e-9f70-a1b2c3d4e5f6',
    channel: 'email',
    receivedAt: '2026-03-02T13:47:12+01:00',
  },
});

export const ticketInternalNoteAdded = defineEvent({
  type: 'TICKET_INTERNAL_NOTE_ADDED',
  displayName: 'Ticket Internal Note Added',
  description: 'Internal/private note added.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket the note was added to'),
    noteId: entityId('Note that was added'),
    actorUserId: actorUserId('Staff user who wrote the note'),
    createdAt: timestamp('When the note was added'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    noteId: 'cc33dd44-ee55-4f66-8a77-889900112233',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    createdAt: '2026-03-02T10:20:00Z',
  },
});

export const ticketTimeEntryAdded = defineEvent({
  type: 'TICKET_TIME_ENTRY_ADDED',
  displayName: 'Ticket Time Entry Added',
  description: 'Time logged against ticket.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket the time was logged against'),
    timeEntryId: entityId('Time entry that was added'),
    actorUserId: actorUserId('Staff user who logged the time'),
    minutes: positiveInteger('Minutes logged'),
    billable: flag('Whether the time is billable to the client'),
    createdAt: timestamp('When the time entry was added'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    timeEntryId: 'dd44ee55-ff66-4a77-8b88-990011223344',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    minutes: 45,
    billable: true,
    createdAt: '2026-03-02T11:05:00Z',
  },
});
