import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { actorUserId, calendarDate, changeSet, entityId, label, tenantId, timestamp } from '../../fields';

export const projectCreated = defineEvent({
  type: 'PROJECT_CREATED',
  displayName: 'Project Created',
  description: 'A project was created for a client.',
  category: 'Projects',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    projectId: entityId('Project that was created'),
    projectName: label('Project name'),
    clientId: entityId('Client the project is for'),
    createdByUserId: entityId('Staff user who created the project'),
    createdAt: timestamp('When the project was created'),
    status: label('Initial project status').optional(),
    startDate: calendarDate('Planned start date').optional(),
    endDate: calendarDate('Planned end date').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    projectId: '2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c4d',
    projectName: 'Office 365 migration',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    createdByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    createdAt: '2026-02-20T10:00:00Z',
    status: 'planning',
    startDate: '2026-03-01',
    endDate: '2026-04-30',
  },
});

export const projectUpdated = defineEvent({
  type: 'PROJECT_UPDATED',
  displayName: 'Project Updated',
  description: 'Project fields changed.',
  category: 'Projects',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    projectId: entityId('Project that changed'),
    actorUserId: actorUserId(),
    updatedAt: timestamp('When the project was updated'),
    ...changeSet(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    projectId: '2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c4d',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    updatedAt: '2026-03-03T12:00:00Z',
    updatedFields: ['endDate'],
    changes: { endDate: { previous: '2026-04-30', new: '2026-05-15' } },
  },
});

export const projectStatusChanged = defineEvent({
  type: 'PROJECT_STATUS_CHANGED',
  displayName: 'Project Status Changed',
  description: 'Project status transition.',
  category: 'Projects',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    projectId: entityId('Project whose status changed'),
    previousStatus: label('Status before the change'),
    newStatus: label('Status after the change'),
    actorUserId: actorUserId(),
    changedAt: timestamp('When the status changed'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    projectId: '2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c4d',
    previousStatus: 'planning',
    newStatus: 'in_progress',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    changedAt: '2026-03-01T09:00:00Z',
  },
});
