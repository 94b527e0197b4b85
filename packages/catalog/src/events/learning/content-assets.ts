import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { count, entityId, label, percentage, tenantId, timestamp } from '../../fields';

// Recorded in content_asset_events with actor metadata, for analytics dashboards and DRM enforcement.

const assetId = () => entityId('Content asset the event is about');
const actorFields = () => ({
  actorUserId: entityId('Learner who used the asset'),
  ip: label('Client IP address').optional(),
  userAgent: label('Client user agent').optional(),
});

export const contentAssetViewed = defineEvent({
  type: 'content.asset.viewed',
  displayName: 'Content Asset Viewed',
  description: 'A learner opened a content asset.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    assetId: assetId(),
    courseId: entityId('Course the asset was opened in, if any').optional(),
    ...actorFields(),
    viewedAt: timestamp('When the asset was opened'),
  }),
  example: {
    tenantId: 'lumen-academy',
    assetId: 'ast_video_sampling',
    courseId: 'crs_intro_stats',
    actorUserId: 'usr_8f2k1m9q',
    ip: '198.51.100.23',
    viewedAt: '2026-02-10T19:58:00Z',
  },
});

export const contentAssetDownloaded = defineEvent({
  type: 'content.asset.downloaded',
  displayName: 'Content Asset Downloaded',
  description: 'A learner downloaded a content asset.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    assetId: assetId(),
    ...actorFields(),
    sizeBytes: count('Bytes downloaded').optional(),
    downloadedAt: timestamp('When the asset was downloaded'),
  }),
  example: {
    tenantId: 'lumen-academy',
    assetId: 'ast_pdf_cheatsheet',
    actorUserId: 'usr_8f2k1m9q',
    userAgent: 'LumenApp/4.2 (iOS 19.1)',
    sizeBytes: 318022,
    downloadedAt: '2026-02-10T20:30:00Z',
  },
});

export const contentAssetProgressed = defineEvent({
  type: 'content.asset.progressed',
  displayName: 'Content Asset Progressed',
  description: 'A learner got further through a content asset (video watched, pages read).',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    assetId: assetId(),
    ...actorFields(),
    previousProgressPercent: percentage('Progress before, 0–100'),
    newProgressPercent: percentage('Progress now, 0–100'),
    positionSeconds: count('Playback position for audio and video, in seconds').optional(),
    progressedAt: timestamp('When the progress was recorded'),
  }),
  example: {
    tenantId: 'lumen-academy',
    assetId: 'ast_video_sampling',
    actorUserId: 'usr_8f2k1m9q',
    previousProgressPercent: 25,
    newProgressPercent: 50,
    positionSeconds: 412,
    progressedAt: '2026-02-10T20:05:00Z',
  },
});
