import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { actorUserId, changeSet, choice, count, entityId, label, reason, tenantId, timestamp } from '../../fields';

const assetId = () => entityId('Asset the event is about');
const ownerType = (description: string) => choice(['client', 'contact', 'site'], description);

export const assetCreated = defineEvent({
  type: 'ASSET_CREATED',
  displayName: 'Asset Created',
  description: 'Asset record created.',
  category: 'Assets & Media',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    assetId: assetId(),
    clientId: entityId('Client that owns the asset, if any').optional(),
    createdByUserId: entityId('Staff user who created the asset record'),
    createdAt: timestamp('When the asset record was created'),
    assetType: label('Kind of asset, e.g. workstation, server or printer').optional(),
    serialNumber: label('Manufacturer serial number').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    assetId: 'e0f36c14-a4c5-4148-9d6b-2a3b4c5d6e7f',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    createdByUserId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    createdAt: '2026-01-20T11:00:00Z',
    assetType: 'workstation',
    serialNumber: 'CND1234XYZ',
  },
});

export const assetUpdated = defineEvent({
  type: 'ASSET_UPDATED',
  displayName: 'Asset Updated',
  description: 'Asset fields changed.',
  category: 'Assets & Media',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    assetId: assetId(),
    updatedByUserId: entityId('Staff user who changed the asset'),
    updatedAt: timestamp('When the asset was updated'),
    ...changeSet(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    assetId: 'e0f36c14-a4c5-4148-9d6b-2a3b4c5d6e7f',
    updatedByUserId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    updatedAt: '2026-02-01T11:00:00Z',
    updatedFields: ['ramGb'],
    changes: { ramGb: { previous: 16, new: 32 } },
  },
});

export const assetAssigned = defineEvent({
  type: 'ASSET_ASSIGNED',
  displayName: 'Asset Assigned',
  description: 'Asset assigned to client/contact/site.',
  category: 'Assets & Media',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    assetId: assetId(),
    previousOwnerType: ownerType('Kind of owner before, if any').optional(),
    previousOwnerId: entityId('Owner before, if any').optional(),
    newOwnerType: ownerType('Kind of owner now'),
    newOwnerId: entityId('Owner now'),
    actorUserId: actorUserId(),
    assignedAt: timestamp('When the asset was assigned'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    assetId: 'e0f36c14-a4c5-4148-9d6b-2a3b4c5d6e7f',
    previousOwnerType: 'site',
    previousOwnerId: 'f1a47d25-b5d6-4259-8e7c-3b4c5d6e7f80',
    newOwnerType: 'contact',
    newOwnerId: '8c2e4f6a-1b3d-4c5e-9f70-a1b2c3d4e5f6',
    actorUserId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    assignedAt: '2026-01-21T09:00:00Z',
  },
});

export const assetUnassigned = defineEvent({
  type: 'ASSET_UNASSIGNED',
  displayName: 'Asset Unassigned',
  description: 'Asset unassigned.',
  category: 'Assets & Media',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    assetId: assetId(),
    previousOwnerType: ownerType('Kind of owner the asset was assigned to'),
    previousOwnerId: entityId('Owner the asset was assigned to'),
    actorUserId: actorUserId(),
    unassignedAt: timestamp('When the asset was unassigned'),
    reason: reason('Why the asset was unassigned'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    assetId: 'e0f36c14-a4c5-4148-9d6b-2a3b4c5d6e7f',
    previousOwnerType: 'contact',
    previousOwnerId: '8c2e4f6a-1b3d-4c5e-9f70-a1b2c3d4e5f6',
    actorUserId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    unassignedAt: '2026-06-30T17:00:00Z',
    reason: 'Returned for refurbishment',
  },
});

export const assetWarrantyExpiring = defineEvent({
  type: 'ASSET_WARRANTY_EXPIRING',
  displayName: 'Asset Warranty Expiring',
  description: 'Warranty approaching expiration.',
  category: 'Assets & Media',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    assetId: assetId(),
    expiresAt: timestamp('When the warranty expires'),
    daysUntilExpiry: count('Whole days left until the warranty expires'),
    clientId: entityId('Client that owns the asset, if any').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    assetId: 'e0f36c14-a4c5-4148-9d6b-2a3b4c5d6e7f',
    expiresAt: '2026-04-01T00:00:00Z',
    daysUntilExpiry: 30,
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
  },
});
