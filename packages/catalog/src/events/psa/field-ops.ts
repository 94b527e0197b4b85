import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { entityId, tenantId, text, timestamp } from '../../fields';

const appointmentId = () => entityId('Appointment the visit belongs to');
const linkedTicketId = () => entityId('Ticket the visit is for, if any').optional();
const technicianUserId = () => entityId('Technician making the visit');

export const technicianDispatched = defineEvent({
  type: 'TECHNICIAN_DISPATCHED',
  displayName: 'Technician Dispatched',
  description: 'Dispatch action taken.',
  category: 'Scheduling',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    appointmentId: appointmentId(),
    ticketId: linkedTicketId(),
    technicianUserId: technicianUserId(),
    dispatchedByUserId: entityId('Dispatcher who sent the technician'),
    dispatchedAt: timestamp('When the technician was dispatched'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    appointmentId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    technicianUserId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    dispatchedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    dispatchedAt: '2026-03-05T14:10:00Z',
  },
});

export const technicianEnRoute = defineEvent({
  type: 'TECHNICIAN_EN_ROUTE',
  displayName: 'Technician En Route',
  description: 'En route status update.',
  category: 'Scheduling',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    appointmentId: appointmentId(),
    ticketId: linkedTicketId(),
    technicianUserId: technicianUserId(),
    startedAt: timestamp('When the technician set off'),
    eta: timestamp('Expected arrival time').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    appointmentId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
    technicianUserId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    startedAt: '2026-03-05T14:25:00Z',
    eta: '2026-03-05T14:55:00Z',
  },
});

export const technicianArrived = defineEvent({
  type: 'TECHNICIAN_ARRIVED',
  displayName: 'Technician Arrived',
  description: 'Arrival recorded.',
  category: 'Scheduling',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    appointmentId: appointmentId(),
    ticketId: linkedTicketId(),
    technicianUserId: technicianUserId(),
    arrivedAt: timestamp('When the technician arrived'),
    location: text('Where the arrival was recorded: site address or coordinates').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    appointmentId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    technicianUserId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    arrivedAt: '2026-03-05T14:58:00Z',
    location: '41.8902,-87.6240',
  },
});

export const technicianCheckedOut = defineEvent({
  type: 'TECHNICIAN_CHECKED_OUT',
  displayName: 'Technician Checked Out',
  description: 'Completed onsite work.',
  category: 'Scheduling',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    appointmentId: appointmentId(),
    ticketId: linkedTicketId(),
    technicianUserId: technicianUserId(),
    checkedOutAt: timestamp('When the technician left the site'),
    workSummary: text('What was done on site').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    appointmentId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    technicianUserId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    checkedOutAt: '2026-03-05T16:02:00Z',
    workSummary: 'Swapped the failed PoE switch; all phones back online.',
  },
});
