import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { choice, count, entityId, tenantId, timestamp } from '../../fields';

const slaStage = () => choice(['response', 'resolution', 'custom'], 'SLA stage: first response, resolution, or a custom stage');

export const ticketSlaStageEntered = defineEvent({
  type: 'TICKET_SLA_STAGE_ENTERED',
  displayName: 'Ticket SLA Stage Entered',
  description: 'SLA stage started.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket the SLA applies to'),
    slaPolicyId: entityId('SLA policy in force'),
    stage: slaStage(),
    enteredAt: timestamp('When the stage started'),
    targetAt: timestamp('Deadline for meeting the stage'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    slaPolicyId: '13579bdf-2468-4ace-8135-79bdf2468ace',
    stage: 'response',
    enteredAt: '2026-03-02T08:14:05Z',
    targetAt: '2026-03-02T09:14:05Z',
  },
});

export const ticketSlaStageMet = defineEvent({
  type: 'TICKET_SLA_STAGE_MET',
  displayName: 'Ticket SLA Stage Met',
  description: 'SLA met.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket the SLA applies to'),
    slaPolicyId: entityId('SLA policy in force'),
    stage: slaStage(),
    metAt: timestamp('When the stage was met'),
    targetAt: timestamp('Deadline the stage had to meet'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    slaPolicyId: '13579bdf-2468-4ace-8135-79bdf2468ace',
    stage: 'response',
    metAt: '2026-03-02T08:41:17Z',
    targetAt: '2026-03-02T09:14:05Z',
  },
});

export const ticketSlaStageBreached = defineEvent({
  type: 'TICKET_SLA_STAGE_BREACHED',
  displayName: 'Ticket SLA Stage Breached',
  description: 'SLA breached.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket the SLA applies to'),
    slaPolicyId: entityId('SLA policy in force'),
    stage: slaStage(),
    breachedAt: timestamp('When the breach was detected'),
    targetAt: timestamp('Deadline that was missed'),
    overdueBySeconds: count('How far past the deadline the breach was detected, in seconds'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    slaPolicyId: '13579bdf-2468-4ace-8135-79bdf2468ace',
    stage: 'resolution',
    breachedAt: '2026-03-03T08:15:05Z',
    targetAt: '2026-03-03T08:14:05Z',
    overdueBySeconds: 60,
  },
});
