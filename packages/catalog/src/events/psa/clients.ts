import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { actorUserId, changeSet, entityId, label, reason, tenantId, timestamp } from '../../fields';

export const clientCreated = defineEvent({
  type: 'CLIENT_CREATED',
  displayName: 'Client Created',
  description: 'Client/account created.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    clientId: entityId('Client that was created'),
    clientName: label('Client name'),
    createdByUserId: entityId('Staff user who created the client'),
    createdAt: timestamp('When the client was created'),
    status: label('Initial lifecycle status, e.g. prospect').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    clientName: 'Contoso Dental Group',
    createdByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    createdAt: '2026-01-10T15:20:00Z',
    status: 'prospect',
  },
});

export const clientUpdated = defineEvent({
  type: 'CLIENT_UPDATED',
  displayName: 'Client Updated',
  description: 'Client fields changed.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    clientId: entityId('Client that changed'),
    updatedByUserId: entityId('Staff user who changed the client'),
    updatedAt: timestamp('When the client was updated'),
    ...changeSet(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    updatedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    updatedAt: '2026-01-12T09:00:00Z',
    updatedFields: ['billingEmail'],
    changes: { billingEmail: { previous: 'office@contoso-dental.example', new: 'ap@contoso-dental.example' } },
  },
});

export const clientStatusChanged = defineEvent({
  type: 'CLIENT_STATUS_CHANGED',
  displayName: 'Client Status Changed',
  description: 'Lifecycle status transition (prospect→active, etc).',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    clientId: entityId('Client whose status changed'),
    previousStatus: label('Status before the change, e.g. prospect'),
    newStatus: label('Status after the change, e.g. active'),
    actorUserId: actorUserId(),
    changedAt: timestamp('When the status changed'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    previousStatus: 'prospect',
    newStatus: 'active',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    changedAt: '2026-01-15T10:00:00Z',
  },
});

export const clientOwnerAssigned = defineEvent({
  type: 'CLIENT_OWNER_ASSIGNED',
  displayName: 'Client Owner Assigned',
  description: 'Account manager assigned/reassigned.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    clientId: entityId('Client whose account manager changed'),
    previousOwnerUserId: entityId('Account manager before, if any').optional(),
    newOwnerUserId: entityId('Account manager now'),
    assignedByUserId: entityId('Staff user who made the assignment'),
    assignedAt: timestamp('When the account manager was assigned'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    newOwnerUserId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
    assignedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    assignedAt: '2026-01-15T10:05:00Z',
  },
});

export const clientMerged = defineEvent({
  type: 'CLIENT_MERGED',
  displayName: 'Client Merged',
  description: 'Client merged into another.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    sourceClientId: entityId('Client that was merged away'),
    targetClientId: entityId('Client it was merged into'),
    mergedByUserId: entityId('Staff user who merged the clients'),
    mergedAt: timestamp('When the clients were merged'),
    strategy: label('How conflicting fields were resolved, e.g. keep_target').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    sourceClientId: 'd4f6b8ac-3e5a-4c7d-8f9b-b3c4d5e6f708',
    targetClientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    mergedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    mergedAt: '2026-02-02T16:00:00Z',
    strategy: 'keep_target',
  },
});

export const clientArchived = defineEvent({
  type: 'CLIENT_ARCHIVED',
  displayName: 'Client Archived',
  description: 'Client archived/deactivated.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    clientId: entityId('Client that was archived'),
    archivedByUserId: entityId('Staff user who archived the client'),
    archivedAt: timestamp('When the client was archived'),
    reason: reason('Why the client was archived'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    clientId: 'd4f6b8ac-3e5a-4c7d-8f9b-b3c4d5e6f708',
    archivedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    archivedAt: '2026-02-02T16:05:00Z',
    reason: 'Merged into Contoso Dental Group',
  },
});
