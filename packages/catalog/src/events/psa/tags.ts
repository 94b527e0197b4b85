import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { entityId, label, tenantId, timestamp } from '../../fields';

const tagId = () => entityId('Tag the event is about');
const taggedEntityType = () => label('Kind of record, e.g. ticket, client, contact or project');
const taggedEntityId = () => entityId('Record the tag is on');

export const tagDefinitionCreated = defineEvent({
  type: 'TAG_DEFINITION_CREATED',
  displayName: 'Tag Definition Created',
  description: 'New tag created.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    tagId: tagId(),
    tagName: label('Tag name'),
    createdByUserId: entityId('Staff user who created the tag'),
    createdAt: timestamp('When the tag was created'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    tagId: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
    tagName: 'vip',
    createdByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    createdAt: '2026-01-05T09:00:00Z',
  },
});

export const tagDefinitionUpdated = defineEvent({
  type: 'TAG_DEFINITION_UPDATED',
  displayName: 'Tag Definition Updated',
  description: 'Tag definition changed.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    tagId: tagId(),
    previousName: label('Tag name before the change').optional(),
    newName: label('Tag name after the change').optional(),
    updatedByUserId: entityId('Staff user who changed the tag'),
    updatedAt: timestamp('When the tag was changed'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    tagId: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
    previousName: 'vip',
    newName: 'key-account',
    updatedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    updatedAt: '2026-02-01T09:00:00Z',
  },
});

export const tagApplied = defineEvent({
  type: 'TAG_APPLIED',
  displayName: 'Tag Applied',
  description: 'Tag applied to entity.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    tagId: tagId(),
    entityType: taggedEntityType(),
    entityId: taggedEntityId(),
    appliedByUserId: entityId('Staff user who applied the tag'),
    appliedAt: timestamp('When the tag was applied'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    tagId: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
    entityType: 'client',
    entityId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    appliedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    appliedAt: '2026-01-15T10:10:00Z',
  },
});

export const tagRemoved = defineEvent({
  type: 'TAG_REMOVED',
  displayName: 'Tag Removed',
  description: 'Tag removed from entity.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    tagId: tagId(),
    entityType: taggedEntityType(),
    entityId: taggedEntityId(),
    removedByUserId: entityId('Staff user who removed the tag'),
    removedAt: timestamp('When the tag was removed'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    tagId: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
    entityType: 'ticket',
    entityId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    removedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    removedAt: '2026-03-02T09:16:00Z',
  },
});
