import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { anyValue, calendarDate, entityId, entityIds, flag, label, optionalActor, orNull, positiveInteger, tenantId, text, timestamp } from '../../fields';

const workOrderId = () => entityId('Work order the event is about');
const masterId = () => orNull(entityId('Master work order this one rolls up into; null when standalone'));
const workOrderVersion = () => positiveInteger('Version of the work order after the change (optimistic locking)');

export const workOrderCreated = defineEvent({
  type: 'work_order.created',
  displayName: 'Work Order Created',
  description: 'A work order was created by a user, the scheduler or an agent. Audit trail for record creation (FDA §11.10(e)).',
  category: 'Work Orders',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    workOrderId: workOrderId(),
    type: label('Work order type, e.g. PREVENTIVE_MAINTENANCE or CALIBRATION'),
    regulatory: flag('Whether the work order falls under regulatory controls'),
    priority: label('Priority, e.g. HIGH'),
    title: label('Work order title'),
    assetId: orNull(entityId('Asset the work is on; null when not asset-bound')),
    masterId: masterId(),
    dependsOn: entityIds('Work orders that must complete first'),
    scheduledStart: orNull(timestamp('Planned start; null when unscheduled')),
    scheduledEnd: orNull(timestamp('Planned end; null when unscheduled')),
    ...optionalActor(),
  }),
  example: {
    tenantId: 'acme-biologics',
    workOrderId: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
    type: 'CALIBRATION',
    regulatory: true,
    priority: 'HIGH',
    title: 'Calibrate bioreactor BR-201 pH probe',
    assetId: '0195f2a4-1111-7c00-8a00-00000000b201',
    masterId: null,
    dependsOn: [],
    scheduledStart: '2026-03-10T07:00:00Z',
    scheduledEnd: '2026-03-10T09:00:00Z',
    actorId: 'u-3381',
    actorType: 'HUMAN',
  },
});

export const workOrderStatusChanged = defineEvent({
  type: 'work_order.status_changed',
  displayName: 'Work Order Status Changed',
  description: 'A work order moved through its state machine after its guards passed. Audit trail and sequencing (FDA §11.10(e)(f)).',
  category: 'Work Orders',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    workOrderId: workOrderId(),
    previousStatus: label('Status before the transition'),
    newStatus: label('Status after the transition'),
    reason: orNull(text('Why the transition was made; required for regulatory work orders')),
    guardsEvaluated: z.array(label('Guard name')).describe('Guards that passed'),
    guardsFailed: z.array(label('Guard name')).describe('Guards that failed; empty when the transition succeeded'),
    version: workOrderVersion(),
    ...optionalActor(),
  }),
  example: {
    tenantId: 'acme-biologics',
    workOrderId: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
    previousStatus: 'SCHEDULED',
    newStatus: 'IN_PROGRESS',
    reason: null,
    guardsEvaluated: ['assigneeCertified', 'toolCalibrated'],
    guardsFailed: [],
    version: 4,
    actorId: 'u-3381',
    actorType: 'HUMAN',
  },
});

export const workOrderUpdated = defineEvent({
  type: 'work_order.updated',
  displayName: 'Work Order Updated',
  description: 'Fields of a work order changed outside a status transition.',
  category: 'Work Orders',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    workOrderId: workOrderId(),
    changedFields: z
      .array(
        z.object({
          field: label('Name of the changed field'),
          previousValue: anyValue('Value before the change'),
          newValue: anyValue('Value after the change'),
        }),
      )
      .describe('Each changed field with its value before and after'),
    version: workOrderVersion(),
    ...optionalActor(),
  }),
  example: {
    tenantId: 'acme-biologics',
    workOrderId: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
    changedFields: [{ field: 'priority', previousValue: 'MEDIUM', newValue: 'HIGH' }],
    version: 3,
    actorId: 'u-3381',
    actorType: 'HUMAN',
  },
});

export const workOrderBlocked = defineEvent({
  type: 'work_order.blocked',
  displayName: 'Work Order Blocked',
  description: 'A work order cannot proceed, by a dependency or another reason. Triggers escalation and an alert.',
  category: 'Work Orders',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    workOrderId: workOrderId(),
    masterId: masterId(),
    blockReason: label('Why the work order is blocked'),
    blockedBy: entityIds('Work orders it waits on, when blocked by dependencies'),
    estimatedUnblockDate: orNull(calendarDate('Expected day the block clears; null when unknown')),
    ...optionalActor(),
  }),
  example: {
    tenantId: 'acme-biologics',
    workOrderId: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
    masterId: '0195f2a3-0000-7000-8000-00000000aa01',
    blockReason: 'Waiting on replacement probe from vendor',
    blockedBy: ['0195f2a4-9999-7a00-8b00-0000000000c7'],
    estimatedUnblockDate: '2026-03-14',
    actorType: 'AGENT',
    actorId: 'planner-agent',
  },
});
