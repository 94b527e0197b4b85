import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { actorUserId, entityId, reason, tenantId, timestamp } from '../../fields';

export const ticketStatusChanged = defineEvent({
  type: 'TICKET_STATUS_CHANGED',
  displayName: 'Ticket Status Changed',
  description: 'Ticket moved between statuses.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket whose status changed'),
    previousStatusId: entityId('Status before the change'),
    newStatusId: entityId('Status after the change'),
    actorUserId: actorUserId(),
    changedAt: timestamp('When the status changed'),
    reason: reason(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    previousStatusId: '0d1c2b3a-4958-4e7d-8c6b-5a4f3e2d1c0b',
    newStatusId: '6b5a4f3e-2d1c-4b0a-9f8e-7d6c5b4a3f2e',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    changedAt: '2026-03-02T09:30:00Z',
  },
});

export const ticketPriorityChanged = defineEvent({
  type: 'TICKET_PRIORITY_CHANGED',
  displayName: 'Ticket Priority Changed',
  description: 'Priority updated.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket whose priority changed'),
    previousPriorityId: entityId('Priority before the change'),
    newPriorityId: entityId('Priority after the change'),
    actorUserId: actorUserId(),
    changedAt: timestamp('When the priority changed'),
    reason: reason(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    previousPriorityId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
    newPriorityId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5e',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    changedAt: '2026-03-02T09:32:10Z',
    reason: 'Whole finance team affected',
  },
});

export const ticketReopened = defineEvent({
  type: 'TICKET_REOPENED',
  displayName: 'Ticket Reopened',
  description: 'Closed ticket reopened.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket that was reopened'),
    previousStatusId: entityId('Closed status the ticket left'),
    newStatusId: entityId('Open status the ticket moved to'),
    actorUserId: actorUserId(),
    reopenedAt: timestamp('When the ticket was reopened'),
    reason: reason(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    previousStatusId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    newStatusId: '0d1c2b3a-4958-4e7d-8c6b-5a4f3e2d1c0b',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    reopenedAt: '2026-03-05T07:55:00Z',
    reason: 'Customer reports the prompt is back',
  },
});

export const ticketQueueChanged = defineEvent({
  type: 'TICKET_QUEUE_CHANGED',
  displayName: 'Ticket Queue/Board Changed',
  description: 'Ticket moved between boards/queues.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket that moved'),
    previousBoardId: entityId('Board (queue) before the move').optional(),
    newBoardId: entityId('Board (queue) after the move').optional(),
    actorUserId: actorUserId(),
    changedAt: timestamp('When the ticket moved'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    previousBoardId: 'e4d3c2b1-a098-4f7e-8d6c-5b4a39281706',
    newBoardId: 'f5e4d3c2-b1a0-4987-8e6d-5c4b3a291807',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    changedAt: '2026-03-02T09:40:00Z',
  },
});

export const ticketEscalated = defineEvent({
  type: 'TICKET_ESCALATED',
  displayName: 'Ticket Escalated',
  description: 'Escalated to higher tier/team/queue.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket that was escalated'),
    fromQueueId: entityId('Queue the ticket was escalated from').optional(),
    toQueueId: entityId('Queue the ticket was escalated to').optional(),
    actorUserId: actorUserId(),
    escalatedAt: timestamp('When the ticket was escalated'),
    reason: reason(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    fromQueueId: 'e4d3c2b1-a098-4f7e-8d6c-5b4a39281706',
    toQueueId: 'c7b6a594-8372-4615-a4f3-e2d1c0b9a887',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    escalatedAt: '2026-03-02T11:00:00Z',
    reason: 'Needs Exchange admin rights',
  },
});
