import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { actorUserId, calendarDate, choice, currency, entityId, label, moneyAmount, tenantId, timestamp } from '../../fields';
import { billedClientId, invoiceId } from './billing-fields';

export const invoiceGenerated = defineEvent({
  type: 'INVOICE_GENERATED',
  displayName: 'Invoice Generated',
  description: 'A draft invoice was generated, manually or by a recurring billing run.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    invoiceId: invoiceId('Invoice that was generated'),
    invoiceNumber: label('Human-facing invoice number'),
    clientId: billedClientId(),
    totalAmount: moneyAmount('Invoice total'),
    currency: currency(),
    dueDate: calendarDate('Day payment is due').optional(),
    generatedByUserId: entityId('Staff user who generated the invoice; absent for billing runs').optional(),
    generatedAt: timestamp('When the invoice was generated'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    invoiceId: '6e8a0c24-5f7b-4d9e-8a3c-4b5d6e7f8091',
    invoiceNumber: 'INV-2026-0311',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    totalAmount: 482500,
    currency: 'USD',
    dueDate: '2026-03-31',
    generatedAt: '2026-03-01T02:00:00Z',
  },
});

export const invoiceFinalized = defineEvent({
  type: 'INVOICE_FINALIZED',
  displayName: 'Invoice Finalized',
  description: 'A draft invoice was finalized and can no longer be edited.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    invoiceId: invoiceId('Invoice that was finalized'),
    invoiceNumber: label('Human-facing invoice number'),
    clientId: billedClientId(),
    totalAmount: moneyAmount('Invoice total'),
    currency: currency(),
    finalizedByUserId: entityId('Staff user who finalized the invoice'),
    finalizedAt: timestamp('When the invoice was finalized'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    invoiceId: '6e8a0c24-5f7b-4d9e-8a3c-4b5d6e7f8091',
    invoiceNumber: 'INV-2026-0311',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    totalAmount: 482500,
    currency: 'USD',
    finalizedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    finalizedAt: '2026-03-01T09:12:00Z',
  },
});

export const invoiceSent = defineEvent({
  type: 'INVOICE_SENT',
  displayName: 'Invoice Sent',
  description: 'Invoice delivered to customer.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    invoiceId: invoiceId('Invoice that was sent'),
    clientId: billedClientId(),
    sentByUserId: entityId('Staff user who sent the invoice'),
    sentAt: timestamp('When the invoice was sent'),
    deliveryMethod: choice(['email', 'portal', 'print'], 'How the invoice reached the customer'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    invoiceId: '6e8a0c24-5f7b-4d9e-8a3c-4b5d6e7f8091',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    sentByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    sentAt: '2026-03-01T09:15:00Z',
    deliveryMethod: 'email',
  },
});

export const invoiceStatusChanged = defineEvent({
  type: 'INVOICE_STATUS_CHANGED',
  displayName: 'Invoice Status Changed',
  description: 'Status transition (draft→sent→paid, etc).',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    invoiceId: invoiceId('Invoice whose status changed'),
    previousStatus: label('Status before the change, e.g. sent'),
    newStatus: label('Status after the change, e.g. paid'),
    actorUserId: actorUserId(),
    changedAt: timestamp('When the status changed'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    invoiceId: '6e8a0c24-5f7b-4d9e-8a3c-4b5d6e7f8091',
    previousStatus: 'sent',
    newStatus: 'paid',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    changedAt: '2026-03-20T14:00:00Z',
  },
});
