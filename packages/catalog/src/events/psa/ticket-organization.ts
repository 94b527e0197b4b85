import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { actorUserId, entityId, entityIds, reason, tenantId, timestamp } from '../../fields';

export const ticketMerged = defineEvent({
  type: 'TICKET_MERGED',
  displayName: 'Ticket Merged',
  description: 'Ticket merged into another.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    sourceTicketId: entityId('Ticket that was merged away'),
    targetTicketId: entityId('Ticket it was merged into'),
    actorUserId: actorUserId(),
    mergedAt: timestamp('When the tickets were merged'),
    reason: reason(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    sourceTicketId: 'd9e8f7a6-b5c4-4d3e-8f2a-1b0c9d8e7f6a',
    targetTicketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    mergedAt: '2026-03-02T09:05:00Z',
    reason: 'Duplicate report of the same outage',
  },
});

export const ticketSplit = defineEvent({
  type: 'TICKET_SPLIT',
  displayName: 'Ticket Split',
  description: 'Ticket split into multiple tickets.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    originalTicketId: entityId('Ticket that was split'),
    newTicketIds: entityIds('Tickets created by the split'),
    actorUserId: actorUserId(),
    splitAt: timestamp('When the ticket was split'),
    reason: reason(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    originalTicketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    newTicketIds: ['1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c6e', '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d7f'],
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    splitAt: '2026-03-02T10:00:00Z',
  },
});

export const ticketTagsChanged = defineEvent({
  type: 'TICKET_TAGS_CHANGED',
  displayName: 'Ticket Tags Changed',
  description: 'Tags applied/removed on ticket.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket whose tags changed'),
    addedTagIds: entityIds('Tags applied to the ticket').optional(),
    removedTagIds: entityIds('Tags removed from the ticket').optional(),
    actorUserId: actorUserId(),
    changedAt: timestamp('When the tags changed'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    addedTagIds: ['7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b'],
    removedTagIds: [],
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    changedAt: '2026-03-02T09:15:00Z',
  },
});
