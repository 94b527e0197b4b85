import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { count, durationMs, entityId, failure, label, tenantId, timestamp } from '../../fields';

// Lifecycle state changes of an uploaded asset, recorded in content_audit_logs for operational traceability.

const assetId = () => entityId('Content asset the event is about');
const lifecycleTransition = () => ({
  previousState: label('Lifecycle state before, e.g. pending_upload or processing'),
  newState: label('Lifecycle state after, e.g. uploaded, ready or failed'),
});

export const contentUploadConfirmed = defineEvent({
  type: 'content.upload.confirmed',
  displayName: 'Content Upload Confirmed',
  description: 'The upload of a content asset was confirmed complete; processing can start.',
  category: 'Assets & Media',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    assetId: assetId(),
    ...lifecycleTransition(),
    uploadedByUserId: entityId('User who uploaded the asset'),
    fileName: label('Original file name'),
    contentType: label('MIME type, e.g. video/mp4'),
    sizeBytes: count('File size in bytes'),
    confirmedAt: timestamp('When the upload was confirmed'),
  }),
  example: {
    tenantId: 'lumen-academy',
    assetId: 'ast_video_sampling',
    previousState: 'pending_upload',
    newState: 'uploaded',
    uploadedByUserId: 'usr_author_17',
    fileName: 'random-sampling.mp4',
    contentType: 'video/mp4',
    sizeBytes: 734003200,
    confirmedAt: '2026-01-10T10:55:00Z',
  },
});

export const contentProcessingCompleted = defineEvent({
  type: 'content.processing.completed',
  displayName: 'Content Processing Completed',
  description: 'A content asset finished processing (transcoding, thumbnails) and is ready to publish.',
  category: 'Assets & Media',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    assetId: assetId(),
    ...lifecycleTransition(),
    durationMs: durationMs('How long processing took, in milliseconds'),
    completedAt: timestamp('When processing finished'),
  }),
  example: {
    tenantId: 'lumen-academy',
    assetId: 'ast_video_sampling',
    previousState: 'processing',
    newState: 'ready',
    durationMs: 402115,
    completedAt: '2026-01-10T11:02:00Z',
  },
});

export const contentIngestionFailed = defineEvent({
  type: 'content.ingestion.failed',
  displayName: 'Content Ingestion Failed',
  description: 'A content asset could not be ingested.',
  category: 'Assets & Media',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    assetId: assetId(),
    ...lifecycleTransition(),
    failedAt: timestamp('When ingestion failed'),
    ...failure(),
  }),
  example: {
    tenantId: 'lumen-academy',
    assetId: 'ast_video_corrupt',
    previousState: 'processing',
    newState: 'failed',
    failedAt: '2026-01-10T11:04:00Z',
    errorCode: 'DECODE_ERROR',
    errorMessage: 'moov atom not found',
    retryable: false,
  },
});
