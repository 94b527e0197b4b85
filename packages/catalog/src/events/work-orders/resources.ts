import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { calendarDate, choice, count, entityId, entityIds, flag, optionalActor, tenantId, timestamp } from '../../fields';

export const resourceAssigned = defineEvent({
  type: 'resource.assigned',
  displayName: 'Resource Assigned',
  description: 'A person, team or vendor was assigned to a work order for a scheduled window.',
  category: 'Resources',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    workOrderId: entityId('Work order the resource was assigned to'),
    resourceType: choice(['PERSON', 'TEAM', 'VENDOR'], 'Kind of resource'),
    resourceId: entityId('Person, team or vendor assigned'),
    role: choice(['ASSIGNEE', 'VENDOR'], 'Role of the resource on the work order'),
    scheduledStart: timestamp('Start of the assigned window'),
    scheduledEnd: timestamp('End of the assigned window'),
    ...optionalActor(),
  }),
  example: {
    tenantId: 'acme-biologics',
    workOrderId: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
    resourceType: 'PERSON',
    resourceId: 'u-3381',
    role: 'ASSIGNEE',
    scheduledStart: '2026-03-10T07:00:00Z',
    scheduledEnd: '2026-03-10T09:00:00Z',
    actorId: 'u-0042',
    actorType: 'HUMAN',
  },
});

export const resourceCertificationExpiring = defineEvent({
  type: 'resource.certification_expiring',
  displayName: 'Certification Expiring',
  description: 'A person\'s certification is about to expire, putting their assigned work orders at risk.',
  category: 'Resources',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    personId: entityId('Person whose certification expires'),
    experienceId: entityId('Certification (experience record) that expires'),
    expirationDate: calendarDate('Day the certification expires'),
    daysUntilExpiry: count('Whole days left until it expires'),
    affectedWorkOrders: entityIds('Work orders that need the certification'),
  }),
  example: {
    tenantId: 'acme-biologics',
    personId: 'u-3381',
    experienceId: 'cert-gmp-aseptic-3381',
    expirationDate: '2026-04-01',
    daysUntilExpiry: 21,
    affectedWorkOrders: ['0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d'],
  },
});

export const resourceToolCalibrationDue = defineEvent({
  type: 'resource.tool_calibration_due',
  displayName: 'Tool Calibration Due',
  description: 'A tool is due for calibration; a calibration work order may be generated automatically.',
  category: 'Resources',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    toolId: entityId('Tool due for calibration'),
    calibrationDueDate: calendarDate('Day the calibration is due'),
    daysUntilDue: count('Whole days left until it is due'),
    affectedWorkOrders: entityIds('Work orders that use the tool'),
    autoGenerateWO: flag('Whether a calibration work order will be generated automatically'),
  }),
  example: {
    tenantId: 'acme-biologics',
    toolId: 'tool-torque-0117',
    calibrationDueDate: '2026-03-20',
    daysUntilDue: 10,
    affectedWorkOrders: [],
    autoGenerateWO: true,
  },
});
