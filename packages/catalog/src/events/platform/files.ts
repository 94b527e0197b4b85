import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { count, entityId, label, tenantId } from '../../fields';

export const filesFileUploaded = defineEvent({
  type: 'files.file.uploaded',
  displayName: 'File Uploaded (File Storage)',
  description: 'A file was uploaded and stored by the File Storage service.',
  category: 'Assets & Media',
  domain: 'platform',
  payload: z.object({
    tenantId: tenantId(),
    fileId: entityId('File that was stored'),
    userId: entityId('User who uploaded the file'),
    bucket: label('Storage bucket, e.g. module-crm-attachments'),
    key: label('Object key inside the bucket'),
    size: count('File size in bytes'),
  }),
  example: {
    tenantId: '01j9p3kz5f00000000000000',
    fileId: '01j9paf1l000000000000000',
    userId: '01j9pa5mz700000000000000',
    bucket: 'module-crm-attachments',
    key: 'tenants/01j9p3kz5f/contacts/01j9pa5mz7/resume.pdf',
    size: 204800,
  },
});
