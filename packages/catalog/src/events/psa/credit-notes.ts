import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { currency, entityId, label, moneyAmount, reason, tenantId, timestamp } from '../../fields';
import { billedClientId, invoiceId } from './billing-fields';

const creditNoteId = () => entityId('Credit note the event is about');

export const creditNoteCreated = defineEvent({
  type: 'CREDIT_NOTE_CREATED',
  displayName: 'Credit Note Created',
  description: 'Credit issued.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    creditNoteId: creditNoteId(),
    clientId: billedClientId('Client the credit is issued to (formerly called company)'),
    createdByUserId: entityId('Staff user who issued the credit'),
    createdAt: timestamp('When the credit was issued'),
    amount: moneyAmount('Credit amount'),
    currency: currency(),
    status: label('Credit note status, e.g. open'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    creditNoteId: '9b1d3f57-8c0e-4a2b-8d6f-7e8091a2b3c4',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    createdByUserId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
    createdAt: '2026-03-21T11:00:00Z',
    amount: 15000,
    currency: 'USD',
    status: 'open',
  },
});

export const creditNoteApplied = defineEvent({
  type: 'CREDIT_NOTE_APPLIED',
  displayName: 'Credit Note Applied',
  description: 'Credit applied to invoice.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    creditNoteId: creditNoteId(),
    invoiceId: invoiceId('Invoice the credit was applied to'),
    appliedByUserId: entityId('Staff user who applied the credit'),
    appliedAt: timestamp('When the credit was applied'),
    amountApplied: moneyAmount('Amount of credit applied'),
    currency: currency(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    creditNoteId: '9b1d3f57-8c0e-4a2b-8d6f-7e8091a2b3c4',
    invoiceId: '8a0c2e46-7b9d-4f1a-8c5e-6d7f8091a2b3',
    appliedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    appliedAt: '2026-04-01T09:00:00Z',
    amountApplied: 15000,
    currency: 'USD',
  },
});

export const creditNoteVoided = defineEvent({
  type: 'CREDIT_NOTE_VOIDED',
  displayName: 'Credit Note Voided',
  description: 'Credit voided.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    creditNoteId: creditNoteId(),
    voidedByUserId: entityId('Staff user who voided the credit'),
    voidedAt: timestamp('When the credit was voided'),
    reason: reason('Why the credit was voided'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    creditNoteId: '9b1d3f57-8c0e-4a2b-8d6f-7e8091a2b3c4',
    voidedByUserId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
    voidedAt: '2026-03-21T11:30:00Z',
    reason: 'Issued to the wrong client',
  },
});
