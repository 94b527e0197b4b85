import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { actorUserId, calendarDate, count, currency, moneyAmount, reason, tenantId, timestamp } from '../../fields';
import { billedClientId, invoiceId } from './billing-fields';

export const invoiceDueDateChanged = defineEvent({
  type: 'INVOICE_DUE_DATE_CHANGED',
  displayName: 'Invoice Due Date Changed',
  description: 'Due date updated.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    invoiceId: invoiceId('Invoice whose due date changed'),
    previousDueDate: calendarDate('Due date before the change'),
    newDueDate: calendarDate('Due date after the change'),
    actorUserId: actorUserId(),
    changedAt: timestamp('When the due date changed'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    invoiceId: '6e8a0c24-5f7b-4d9e-8a3c-4b5d6e7f8091',
    previousDueDate: '2026-03-31',
    newDueDate: '2026-04-15',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    changedAt: '2026-03-25T10:00:00Z',
  },
});

export const invoiceOverdue = defineEvent({
  type: 'INVOICE_OVERDUE',
  displayName: 'Invoice Overdue',
  description: 'Invoice became overdue.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    invoiceId: invoiceId('Invoice that became overdue'),
    clientId: billedClientId(),
    overdueAt: timestamp('When the invoice was found overdue'),
    dueDate: calendarDate('Day payment was due'),
    amountDue: moneyAmount('Amount still unpaid'),
    currency: currency(),
    daysOverdue: count('Whole days since the due date'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    invoiceId: '6e8a0c24-5f7b-4d9e-8a3c-4b5d6e7f8091',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    overdueAt: '2026-04-01T00:05:00Z',
    dueDate: '2026-03-31',
    amountDue: 482500,
    currency: 'USD',
    daysOverdue: 1,
  },
});

export const invoiceWrittenOff = defineEvent({
  type: 'INVOICE_WRITTEN_OFF',
  displayName: 'Invoice Written Off',
  description: 'Invoice written off.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    invoiceId: invoiceId('Invoice that was written off'),
    actorUserId: actorUserId(),
    writtenOffAt: timestamp('When the invoice was written off'),
    amountWrittenOff: moneyAmount('Amount written off'),
    currency: currency(),
    reason: reason('Why the invoice was written off'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    invoiceId: '6e8a0c24-5f7b-4d9e-8a3c-4b5d6e7f8091',
    actorUserId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
    writtenOffAt: '2026-09-30T17:00:00Z',
    amountWrittenOff: 482500,
    currency: 'USD',
    reason: 'Client went out of business',
  },
});
