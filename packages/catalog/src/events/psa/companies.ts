import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { changeSet, entityId, label, tenantId, timestamp } from '../../fields';

// The PSA's original names for clients. Both events predate the CLIENT_* proposals and are kept
// for the workflows that already listen to them; their fields mirror CLIENT_CREATED/UPDATED.

export const companyCreated = defineEvent({
  type: 'COMPANY_CREATED',
  displayName: 'Company Created',
  description: 'A company (client account) was created.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    companyId: entityId('Company that was created'),
    companyName: label('Company name'),
    createdByUserId: entityId('Staff user who created the company'),
    createdAt: timestamp('When the company was created'),
    status: label('Initial lifecycle status, e.g. prospect').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    companyId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    companyName: 'Contoso Dental Group',
    createdByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    createdAt: '2026-01-10T15:20:00Z',
    status: 'prospect',
  },
});

export const companyUpdated = defineEvent({
  type: 'COMPANY_UPDATED',
  displayName: 'Company Updated',
  description: 'Company fields changed.',
  category: 'CRM',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    companyId: entityId('Company that changed'),
    updatedByUserId: entityId('Staff user who changed the company'),
    updatedAt: timestamp('When the company was updated'),
    ...changeSet(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    companyId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    updatedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    updatedAt: '2026-01-12T09:00:00Z',
    updatedFields: ['phone'],
    changes: { phone: { previous: null, new: '+1 312 555 0142' } },
  },
});
