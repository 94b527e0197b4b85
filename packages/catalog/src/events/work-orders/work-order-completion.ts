import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { count, decimal, entityId, flag, optionalActor, orNull, tenantId, timestamp } from '../../fields';

export const workOrderCompleted = defineEvent({
  type: 'work_order.completed',
  displayName: 'Work Order Completed',
  description: 'The work of a work order is done. Recalculates the progress of its master work order, if linked.',
  category: 'Work Orders',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    workOrderId: entityId('Work order that was completed'),
    masterId: orNull(entityId('Master work order this one rolls up into; null when standalone')),
    completedAt: timestamp('When the work was completed'),
    actualDurationHours: decimal('Hours the work took'),
    estimatedDurationHours: decimal('Hours the work was estimated to take'),
    variancePercent: decimal('Actual versus estimated duration, in percent (positive = over estimate)'),
    ...optionalActor(),
  }),
  example: {
    tenantId: 'acme-biologics',
    workOrderId: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
    masterId: null,
    completedAt: '2026-03-10T09:24:00Z',
    actualDurationHours: 2.4,
    estimatedDurationHours: 2,
    variancePercent: 20,
    actorId: 'u-3381',
    actorType: 'HUMAN',
  },
});

export const workOrderClosed = defineEvent({
  type: 'work_order.closed',
  displayName: 'Work Order Closed',
  description: 'A work order was closed with its final compliance summary; the record becomes immutable.',
  category: 'Work Orders',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    workOrderId: entityId('Work order that was closed'),
    closedAt: timestamp('When the work order was closed'),
    totalDurationHours: decimal('Hours from creation to closure'),
    approvalCount: count('Approvals given on the work order'),
    linkedWOCount: count('Work orders linked to this one'),
    complianceSummary: z
      .object({
        auditEntries: count('Audit trail entries recorded'),
        signatures: count('Electronic signatures applied'),
        deviations: count('Deviations recorded'),
        capaRequired: flag('Whether a corrective and preventive action (CAPA) is required'),
      })
      .describe('Final compliance summary of the record'),
    ...optionalActor(),
  }),
  example: {
    tenantId: 'acme-biologics',
    workOrderId: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
    closedAt: '2026-03-11T15:00:00Z',
    totalDurationHours: 31.5,
    approvalCount: 2,
    linkedWOCount: 0,
    complianceSummary: { auditEntries: 14, signatures: 2, deviations: 0, capaRequired: false },
    actorId: 'u-1207',
    actorType: 'HUMAN',
  },
});
