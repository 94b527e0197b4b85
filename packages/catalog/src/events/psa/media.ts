import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { durationMs, entityId, failure, jsonObject, tenantId, timestamp } from '../../fields';
import { storedFileFields } from './file-fields';

const fileId = () => entityId('File the event is about');

export const fileUploaded = defineEvent({
  type: 'FILE_UPLOADED',
  displayName: 'File Uploaded',
  description: 'File uploaded to media pipeline.',
  category: 'Assets & Media',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    fileId: fileId(),
    uploadedByUserId: entityId('User who uploaded the file'),
    uploadedAt: timestamp('When the file was uploaded'),
    ...storedFileFields(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    fileId: 'a2b58e36-c6e7-436a-9f8d-4c5d6e7f8091',
    uploadedByUserId: '4d6f8a0c-2e4b-4d6f-8a0c-2e4b6d8f0a1c',
    uploadedAt: '2026-03-05T15:10:00Z',
    fileName: 'server-rack-before.jpg',
    contentType: 'image/jpeg',
    sizeBytes: 2311874,
    storageKey: 'tenants/7f3c9a2e/media/a2b58e36/server-rack-before.jpg',
  },
});

export const mediaProcessingSucceeded = defineEvent({
  type: 'MEDIA_PROCESSING_SUCCEEDED',
  displayName: 'Media Processing Succeeded',
  description: 'Processing complete (thumbnails/virus scan).',
  category: 'Assets & Media',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    fileId: fileId(),
    processedAt: timestamp('When processing finished'),
    outputs: jsonObject('Results keyed by processing step, e.g. thumbnail storage key or virus-scan verdict').optional(),
    durationMs: durationMs(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    fileId: 'a2b58e36-c6e7-436a-9f8d-4c5d6e7f8091',
    processedAt: '2026-03-05T15:10:04Z',
    outputs: { thumbnail: 'tenants/7f3c9a2e/media/a2b58e36/thumb-320.webp', virusScan: 'clean' },
    durationMs: 3870,
  },
});

export const mediaProcessingFailed = defineEvent({
  type: 'MEDIA_PROCESSING_FAILED',
  displayName: 'Media Processing Failed',
  description: 'Processing failed.',
  category: 'Assets & Media',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    fileId: fileId(),
    failedAt: timestamp('When processing failed'),
    ...failure(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    fileId: 'a2b58e36-c6e7-436a-9f8d-4c5d6e7f8091',
    failedAt: '2026-03-05T15:10:09Z',
    errorCode: 'UNSUPPORTED_FORMAT',
    errorMessage: 'HEIC images are not supported by the thumbnailer',
    retryable: false,
  },
});
