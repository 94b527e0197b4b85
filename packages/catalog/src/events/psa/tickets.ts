import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { actorUserId, changeSet, choice, entityId, label, orNull, reason, tenantId, timestamp } from '../../fields';
import { ticketChannel } from './ticket-fields';

export const ticketCreated = defineEvent({
  type: 'TICKET_CREATED',
  displayName: 'Ticket Created',
  description: 'A new ticket was opened, by staff, by a client in the portal, or from an inbound email.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket that was created'),
    ticketNumber: label('Human-facing ticket number'),
    title: label('Ticket title'),
    clientId: entityId('Client the ticket is for').optional(),
    contactId: entityId('Client contact who raised the ticket').optional(),
    boardId: entityId('Board (queue) the ticket was opened on').optional(),
    statusId: entityId('Initial status'),
    priorityId: entityId('Initial priority').optional(),
    channel: ticketChannel('Channel the ticket was opened through').optional(),
    createdByUserId: entityId('Staff user who opened the ticket, when opened by staff').optional(),
    createdByContactId: entityId('Contact who opened the ticket, when opened by the client').optional(),
    createdAt: timestamp('When the ticket was created'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    ticketNumber: 'TIC-004217',
    title: 'Outlook keeps asking for the password',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    contactId: '8c2e4f6a-1b3d-4c5e-9f70-a1b2c3d4e5f6',
    boardId: 'e4d3c2b1-a098-4f7e-8d6c-5b4a39281706',
    statusId: '0d1c2b3a-4958-4e7d-8c6b-5a4f3e2d1c0b',
    priorityId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
    channel: 'email',
    createdByContactId: '8c2e4f6a-1b3d-4c5e-9f70-a1b2c3d4e5f6',
    createdAt: '2026-03-02T08:14:05Z',
  },
});

export const ticketUpdated = defineEvent({
  type: 'TICKET_UPDATED',
  displayName: 'Ticket Updated',
  description: 'Ticket fields changed.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket that changed'),
    actorUserId: actorUserId(),
    updatedAt: timestamp('When the ticket was updated'),
    ...changeSet(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    updatedAt: '2026-03-02T09:01:44Z',
    updatedFields: ['title'],
    changes: { title: { previous: 'Outlook password', new: 'Outlook keeps asking for the password' } },
  },
});

export const ticketClosed = defineEvent({
  type: 'TICKET_CLOSED',
  displayName: 'Ticket Closed',
  description: 'Ticket moved to a closed status.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket that was closed'),
    previousStatusId: entityId('Status before closing'),
    newStatusId: entityId('Closed status the ticket moved to'),
    actorUserId: actorUserId('Staff user who closed the ticket'),
    closedAt: timestamp('When the ticket was closed'),
    reason: reason('Resolution note entered when closing'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    previousStatusId: '0d1c2b3a-4958-4e7d-8c6b-5a4f3e2d1c0b',
    newStatusId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    closedAt: '2026-03-03T16:40:00Z',
    reason: 'Re-created the mail profile; password prompt gone.',
  },
});

export const ticketResponseStateChanged = defineEvent({
  type: 'TICKET_RESPONSE_STATE_CHANGED',
  displayName: 'Ticket Response State Changed',
  description: 'The ticket started or stopped waiting on the client or on staff (drives SLA pauses).',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket whose response state changed'),
    previousResponseState: orNull(choice(['awaiting_client', 'awaiting_internal'], 'Who the ticket waited on before; null when on no one')),
    newResponseState: orNull(choice(['awaiting_client', 'awaiting_internal'], 'Who the ticket waits on now; null when on no one')),
    trigger: choice(['comment', 'manual', 'close'], 'What changed the state: a comment, a manual change or closing the ticket'),
    actorUserId: actorUserId('Staff user whose action changed the state, if any').optional(),
    changedAt: timestamp('When the state changed'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    previousResponseState: 'awaiting_internal',
    newResponseState: 'awaiting_client',
    trigger: 'comment',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    changedAt: '2026-03-02T10:12:30Z',
  },
});
