import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { changeSet, emailAddress, entityId, label, reason, tenantId, timestamp } from '../../fields';

export const contactCreated = defineEvent({
  type: 'CONTACT_CREATED',
  displayName: 'Contact Created',
  description: 'Contact added to client.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    contactId: entityId('Contact that was created'),
    clientId: entityId('Client the contact belongs to'),
    fullName: label('Contact full name'),
    email: emailAddress('Contact email address').optional(),
    phoneNumber: label('Contact phone number').optional(),
    createdByUserId: entityId('Staff user who added the contact'),
    createdAt: timestamp('When the contact was added'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    contactId: '8c2e4f6a-1b3d-4c5e-9f70-a1b2c3d4e5f6',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    fullName: 'Priya Raman',
    email: 'priya.raman@contoso-dental.example',
    phoneNumber: '+1 312 555 0187',
    createdByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    createdAt: '2026-01-10T15:25:00Z',
  },
});

export const contactUpdated = defineEvent({
  type: 'CONTACT_UPDATED',
  displayName: 'Contact Updated',
  description: 'Contact fields changed.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    contactId: entityId('Contact that changed'),
    clientId: entityId('Client the contact belongs to'),
    updatedByUserId: entityId('Staff user who changed the contact'),
    updatedAt: timestamp('When the contact was updated'),
    ...changeSet(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    contactId: '8c2e4f6a-1b3d-4c5e-9f70-a1b2c3d4e5f6',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    updatedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    updatedAt: '2026-02-11T08:00:00Z',
    updatedFields: ['role'],
    changes: { role: { previous: 'Office manager', new: 'Operations director' } },
  },
});

export const contactPrimarySet = defineEvent({
  type: 'CONTACT_PRIMARY_SET',
  displayName: 'Primary Contact Set',
  description: 'Contact set as client primary/billing.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    clientId: entityId('Client whose primary contact changed'),
    contactId: entityId('Contact that is now primary'),
    previousPrimaryContactId: entityId('Contact that was primary before, if any').optional(),
    setByUserId: entityId('Staff user who set the primary contact'),
    setAt: timestamp('When the primary contact was set'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    contactId: '8c2e4f6a-1b3d-4c5e-9f70-a1b2c3d4e5f6',
    setByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    setAt: '2026-01-10T15:26:00Z',
  },
});

export const contactArchived = defineEvent({
  type: 'CONTACT_ARCHIVED',
  displayName: 'Contact Archived',
  description: 'Contact deactivated/archived.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    contactId: entityId('Contact that was archived'),
    clientId: entityId('Client the contact belongs to'),
    archivedByUserId: entityId('Staff user who archived the contact'),
    archivedAt: timestamp('When the contact was archived'),
    reason: reason('Why the contact was archived'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    contactId: 'e5a7c9bd-4f6b-4d8e-9a0c-c4d5e6f70819',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    archivedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    archivedAt: '2026-02-20T12:00:00Z',
    reason: 'Left the company',
  },
});

export const contactMerged = defineEvent({
  type: 'CONTACT_MERGED',
  displayName: 'Contact Merged',
  description: 'Contact merged into another.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    sourceContactId: entityId('Contact that was merged away'),
    targetContactId: entityId('Contact it was merged into'),
    mergedByUserId: entityId('Staff user who merged the contacts'),
    mergedAt: timestamp('When the contacts were merged'),
    strategy: label('How conflicting fields were resolved, e.g. keep_target').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    sourceContactId: 'f6b8dace-5a7c-4e9f-8b1d-d5e6f708192a',
    targetContactId: '8c2e4f6a-1b3d-4c5e-9f70-a1b2c3d4e5f6',
    mergedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    mergedAt: '2026-02-03T10:00:00Z',
  },
});
