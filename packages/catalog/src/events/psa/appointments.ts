import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { actorUserId, choice, entityId, label, reason, tenantId, text, timestamp } from '../../fields';
import { assigneeType } from './ticket-fields';

const appointmentId = () => entityId('Appointment the event is about');
const linkedTicketId = () => entityId('Ticket the appointment is for, if any').optional();
const timeZone = () => label('IANA time zone the appointment is scheduled in, e.g. America/Chicago');

export const appointmentCreated = defineEvent({
  type: 'APPOINTMENT_CREATED',
  displayName: 'Appointment Created',
  description: 'Appointment scheduled (often tied to a ticket).',
  category: 'Scheduling',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    appointmentId: appointmentId(),
    ticketId: linkedTicketId(),
    startAt: timestamp('When the appointment starts'),
    endAt: timestamp('When the appointment ends'),
    timezone: timeZone(),
    assigneeId: entityId('Agent or team assigned to the appointment').optional(),
    assigneeType: assigneeType('Whether the assignee is an agent or a team').optional(),
    createdByUserId: entityId('Staff user who scheduled the appointment'),
    createdAt: timestamp('When the appointment was scheduled'),
    location: text('Where the appointment takes place: address, room or meeting link').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    appointmentId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    startAt: '2026-03-04T15:00:00Z',
    endAt: '2026-03-04T16:00:00Z',
    timezone: 'America/Chicago',
    assigneeId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    assigneeType: 'user',
    createdByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    createdAt: '2026-03-02T11:10:00Z',
    location: '400 N Michigan Ave, Suite 1200, Chicago',
  },
});

export const appointmentRescheduled = defineEvent({
  type: 'APPOINTMENT_RESCHEDULED',
  displayName: 'Appointment Rescheduled',
  description: 'Time changed.',
  category: 'Scheduling',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    appointmentId: appointmentId(),
    ticketId: linkedTicketId(),
    previousStartAt: timestamp('Start before the change'),
    previousEndAt: timestamp('End before the change'),
    newStartAt: timestamp('Start after the change'),
    newEndAt: timestamp('End after the change'),
    timezone: timeZone(),
    actorUserId: actorUserId(),
    rescheduledAt: timestamp('When the appointment was rescheduled'),
    reason: reason(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    appointmentId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
    previousStartAt: '2026-03-04T15:00:00Z',
    previousEndAt: '2026-03-04T16:00:00Z',
    newStartAt: '2026-03-05T15:00:00Z',
    newEndAt: '2026-03-05T16:00:00Z',
    timezone: 'America/Chicago',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    rescheduledAt: '2026-03-03T09:00:00Z',
    reason: 'Client office closed on the 4th',
  },
});

export const appointmentCanceled = defineEvent({
  type: 'APPOINTMENT_CANCELED',
  displayName: 'Appointment Canceled',
  description: 'Appointment canceled.',
  category: 'Scheduling',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    appointmentId: appointmentId(),
    ticketId: linkedTicketId(),
    actorUserId: actorUserId(),
    canceledAt: timestamp('When the appointment was canceled'),
    reason: reason(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    appointmentId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    canceledAt: '2026-03-03T09:00:00Z',
  },
});

export const appointmentCompleted = defineEvent({
  type: 'APPOINTMENT_COMPLETED',
  displayName: 'Appointment Completed',
  description: 'Marked completed.',
  category: 'Scheduling',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    appointmentId: appointmentId(),
    ticketId: linkedTicketId(),
    actorUserId: actorUserId(),
    completedAt: timestamp('When the appointment was marked completed'),
    outcome: text('Summary of what was done').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    appointmentId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    actorUserId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    completedAt: '2026-03-05T16:05:00Z',
    outcome: 'Replaced the switch in the server room',
  },
});

export const appointmentNoShow = defineEvent({
  type: 'APPOINTMENT_NO_SHOW',
  displayName: 'Appointment No-Show',
  description: 'No-show recorded.',
  category: 'Scheduling',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    appointmentId: appointmentId(),
    ticketId: linkedTicketId(),
    actorUserId: actorUserId('Staff user who recorded the no-show'),
    markedAt: timestamp('When the no-show was recorded'),
    party: choice(['customer', 'agent'], 'Who did not show up'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    appointmentId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
    actorUserId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    markedAt: '2026-03-05T15:30:00Z',
    party: 'customer',
  },
});

export const appointmentAssigned = defineEvent({
  type: 'APPOINTMENT_ASSIGNED',
  displayName: 'Appointment Assigned',
  description: 'Assigned/reassigned to an agent/team.',
  category: 'Scheduling',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    appointmentId: appointmentId(),
    ticketId: linkedTicketId(),
    previousAssigneeId: entityId('Agent or team assigned before, if any').optional(),
    previousAssigneeType: assigneeType('Whether the previous assignee was an agent or a team').optional(),
    newAssigneeId: entityId('Agent or team now assigned'),
    newAssigneeType: assigneeType('Whether the new assignee is an agent or a team'),
    actorUserId: actorUserId(),
    assignedAt: timestamp('When the appointment was assigned'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    appointmentId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
    previousAssigneeId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    previousAssigneeType: 'user',
    newAssigneeId: '5e7a9c1d-3f5b-4e7a-9c1d-3f5b7e9a1c3d',
    newAssigneeType: 'team',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    assignedAt: '2026-03-03T10:00:00Z',
  },
});
