import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { actorUserId, entityId, reason, tenantId, timestamp } from '../../fields';
import { assigneeType } from './ticket-fields';

export const ticketAssigned = defineEvent({
  type: 'TICKET_ASSIGNED',
  displayName: 'Ticket Assigned',
  description: 'Assigned to an agent/team.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket that was assigned'),
    previousAssigneeId: entityId('Agent or team assigned before, if any').optional(),
    previousAssigneeType: assigneeType('Whether the previous assignee was an agent or a team').optional(),
    newAssigneeId: entityId('Agent or team now assigned'),
    newAssigneeType: assigneeType('Whether the new assignee is an agent or a team'),
    actorUserId: actorUserId(),
    assignedAt: timestamp('When the ticket was assigned'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    newAssigneeId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    newAssigneeType: 'user',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    assignedAt: '2026-03-02T08:20:00Z',
  },
});

export const ticketUnassigned = defineEvent({
  type: 'TICKET_UNASSIGNED',
  displayName: 'Ticket Unassigned',
  description: 'Unassigned from agent/team.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket that was unassigned'),
    previousAssigneeId: entityId('Agent or team that was assigned'),
    previousAssigneeType: assigneeType('Whether the previous assignee was an agent or a team'),
    actorUserId: actorUserId(),
    unassignedAt: timestamp('When the ticket was unassigned'),
    reason: reason(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    previousAssigneeId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    previousAssigneeType: 'user',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    unassignedAt: '2026-03-04T12:00:00Z',
    reason: 'Technician on leave',
  },
});
