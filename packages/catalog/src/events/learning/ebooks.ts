import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { count, entityId, label, positiveInteger, tenantId, timestamp } from '../../fields';

export const ebookDownloadIssued = defineEvent({
  type: 'ebook.download.issued',
  displayName: 'E-book DRM Download Issued',
  description: 'A watermarked e-book download was issued to a device, counted against the download limit.',
  category: 'Learning',
  domain: 'learning',
  payload: z.object({
    tenantId: tenantId(),
    ebookId: entityId('E-book that was downloaded'),
    downloadId: entityId('Download that was issued'),
    userId: entityId('Reader the download was issued to'),
    deviceId: label('Device the download was issued to'),
    ip: label('Client IP address'),
    watermarkId: label('Watermark embedded in the file'),
    downloadsUsed: positiveInteger('Downloads of this e-book by the reader, this one included'),
    downloadLimit: count('Downloads the reader is allowed'),
    issuedAt: timestamp('When the download was issued'),
  }),
  example: {
    tenantId: 'lumen-academy',
    ebookId: 'ebk_stats_handbook',
    downloadId: 'dl_55120',
    userId: 'usr_8f2k1m9q',
    deviceId: 'dev_ipad_3f9a',
    ip: '198.51.100.23',
    watermarkId: 'wm_7d1c0e',
    downloadsUsed: 2,
    downloadLimit: 3,
    issuedAt: '2026-02-11T21:00:00Z',
  },
});
