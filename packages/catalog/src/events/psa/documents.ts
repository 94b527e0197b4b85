import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { entityId, label, reason, tenantId, timestamp } from '../../fields';
import { storedFileFields } from './file-fields';

const documentId = () => entityId('Document the event is about');
const linkedEntityType = () => label('Kind of record, e.g. ticket, client, contact, project or asset');

export const documentUploaded = defineEvent({
  type: 'DOCUMENT_UPLOADED',
  displayName: 'Document Uploaded',
  description: 'Document uploaded into storage.',
  category: 'Documents',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    documentId: documentId(),
    uploadedByUserId: entityId('User who uploaded the document'),
    uploadedAt: timestamp('When the document was uploaded'),
    ...storedFileFields(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    documentId: 'c9e1a0f2-8d0f-4b2c-9e4a-08192a3b4c5d',
    uploadedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    uploadedAt: '2026-03-02T12:00:00Z',
    fileName: 'network-diagram.pdf',
    contentType: 'application/pdf',
    sizeBytes: 482113,
    storageKey: 'tenants/7f3c9a2e/documents/c9e1a0f2/network-diagram.pdf',
  },
});

export const documentDeleted = defineEvent({
  type: 'DOCUMENT_DELETED',
  displayName: 'Document Deleted',
  description: 'Document removed.',
  category: 'Documents',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    documentId: documentId(),
    deletedByUserId: entityId('User who deleted the document'),
    deletedAt: timestamp('When the document was deleted'),
    reason: reason('Why the document was deleted'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    documentId: 'c9e1a0f2-8d0f-4b2c-9e4a-08192a3b4c5d',
    deletedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    deletedAt: '2026-03-09T12:00:00Z',
    reason: 'Superseded by the v2 diagram',
  },
});

export const documentAssociated = defineEvent({
  type: 'DOCUMENT_ASSOCIATED',
  displayName: 'Document Associated',
  description: 'Document associated to an entity.',
  category: 'Documents',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    documentId: documentId(),
    entityType: linkedEntityType(),
    entityId: entityId('Record the document was attached to'),
    associatedByUserId: entityId('User who attached the document'),
    associatedAt: timestamp('When the document was attached'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    documentId: 'c9e1a0f2-8d0f-4b2c-9e4a-08192a3b4c5d',
    entityType: 'ticket',
    entityId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    associatedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    associatedAt: '2026-03-02T12:01:00Z',
  },
});

export const documentDetached = defineEvent({
  type: 'DOCUMENT_DETACHED',
  displayName: 'Document Detached',
  description: 'Document association removed.',
  category: 'Documents',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    documentId: documentId(),
    entityType: linkedEntityType(),
    entityId: entityId('Record the document was detached from'),
    detachedByUserId: entityId('User who detached the document'),
    detachedAt: timestamp('When the document was detached'),
    reason: reason('Why the document was detached'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    documentId: 'c9e1a0f2-8d0f-4b2c-9e4a-08192a3b4c5d',
    entityType: 'ticket',
    entityId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    detachedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    detachedAt: '2026-03-03T08:00:00Z',
  },
});

export const documentGenerated = defineEvent({
  type: 'DOCUMENT_GENERATED',
  displayName: 'Document Generated',
  description: 'System-generated document created (invoice/PDF/etc).',
  category: 'Documents',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    documentId: documentId(),
    sourceType: label('Kind of record the document was generated from, e.g. invoice or quote'),
    sourceId: entityId('Record the document was generated from'),
    generatedByUserId: entityId('User who asked for the document; absent when generated automatically').optional(),
    generatedAt: timestamp('When the document was generated'),
    fileName: label('Name of the generated file'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    documentId: 'daf2b103-9e1a-4c3d-8f5b-192a3b4c5d6e',
    sourceType: 'invoice',
    sourceId: '6e8a0c24-5f7b-4d9e-8a3c-4b5d6e7f8091',
    generatedAt: '2026-03-01T09:12:30Z',
    fileName: 'INV-2026-0311.pdf',
  },
});
