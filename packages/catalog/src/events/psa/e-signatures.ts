import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { emailAddress, entityId, label, tenantId, timestamp } from '../../fields';

const documentId = () => entityId('Document to be signed');
const requestId = () => entityId('Signature request the event is about');

export const documentSignatureRequested = defineEvent({
  type: 'DOCUMENT_SIGNATURE_REQUESTED',
  displayName: 'Document Signature Requested',
  description: 'Signature requested.',
  category: 'Documents',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    documentId: documentId(),
    requestId: requestId(),
    requestedByUserId: entityId('Staff user who requested the signatures'),
    requestedAt: timestamp('When the signatures were requested'),
    signers: z
      .array(
        z.object({
          email: emailAddress('Signer email address'),
          name: label('Signer name').optional(),
        }),
      )
      .min(1)
      .describe('People asked to sign'),
    expiresAt: timestamp('When the request expires').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    documentId: 'eb03c214-af2b-4d4e-9a6c-2a3b4c5d6e7f',
    requestId: 'fc14d325-b03c-4e5f-8b7d-3b4c5d6e7f80',
    requestedByUserId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
    requestedAt: '2026-01-16T10:00:00Z',
    signers: [{ email: 'priya.raman@contoso-dental.example', name: 'Priya Raman' }],
    expiresAt: '2026-01-30T23:59:59Z',
  },
});

export const documentSigned = defineEvent({
  type: 'DOCUMENT_SIGNED',
  displayName: 'Document Signed',
  description: 'Document fully signed.',
  category: 'Documents',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    documentId: documentId(),
    requestId: requestId(),
    signedAt: timestamp('When the last signature was added'),
    signerEmail: emailAddress('Email of the last signer').optional(),
    signerId: entityId('Contact or user id of the last signer').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    documentId: 'eb03c214-af2b-4d4e-9a6c-2a3b4c5d6e7f',
    requestId: 'fc14d325-b03c-4e5f-8b7d-3b4c5d6e7f80',
    signedAt: '2026-01-17T14:22:00Z',
    signerEmail: 'priya.raman@contoso-dental.example',
  },
});

export const documentSignatureExpired = defineEvent({
  type: 'DOCUMENT_SIGNATURE_EXPIRED',
  displayName: 'Document Signature Expired',
  description: 'Signature request expired.',
  category: 'Documents',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    documentId: documentId(),
    requestId: requestId(),
    expiredAt: timestamp('When the request expired'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    documentId: 'eb03c214-af2b-4d4e-9a6c-2a3b4c5d6e7f',
    requestId: 'fc14d325-b03c-4e5f-8b7d-3b4c5d6e7f80',
    expiredAt: '2026-01-30T23:59:59Z',
  },
});
