import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { currency, entityId, flag, label, moneyAmount, reason, tenantId, text, timestamp } from '../../fields';
import { billedClientId, invoiceId } from './billing-fields';

const paymentMethod = () => label('Payment method, e.g. card, ach, check or wire');

export const paymentRecorded = defineEvent({
  type: 'PAYMENT_RECORDED',
  displayName: 'Payment Recorded',
  description: 'Payment created/recorded.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    paymentId: entityId('Payment that was recorded'),
    clientId: billedClientId('Client who paid (formerly called company)'),
    receivedAt: timestamp('When the payment was received'),
    amount: moneyAmount('Amount received'),
    currency: currency(),
    method: paymentMethod(),
    receivedByUserId: entityId('Staff user who recorded the payment; absent for gateway payments').optional(),
    gatewayTransactionId: label('Transaction id at the payment gateway').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    paymentId: '7f9b1d35-6a8c-4e0f-9b4d-5c6e7f8091a2',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    receivedAt: '2026-03-20T13:58:00Z',
    amount: 482500,
    currency: 'USD',
    method: 'card',
    gatewayTransactionId: 'ch_3OqLmT2eZvKYlo2C1x8f9AbC',
  },
});

export const paymentApplied = defineEvent({
  type: 'PAYMENT_APPLIED',
  displayName: 'Payment Applied',
  description: 'Payment applied to invoices.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    paymentId: entityId('Payment that was applied'),
    appliedAt: timestamp('When the payment was applied'),
    appliedByUserId: entityId('Staff user who applied the payment'),
    applications: z
      .array(
        z.object({
          invoiceId: invoiceId('Invoice the payment was applied to'),
          amountApplied: moneyAmount('Amount applied to this invoice'),
        }),
      )
      .min(1)
      .describe('How the payment was split across invoices'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    paymentId: '7f9b1d35-6a8c-4e0f-9b4d-5c6e7f8091a2',
    appliedAt: '2026-03-20T14:00:00Z',
    appliedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    applications: [
      { invoiceId: '6e8a0c24-5f7b-4d9e-8a3c-4b5d6e7f8091', amountApplied: 400000 },
      { invoiceId: '8a0c2e46-7b9d-4f1a-8c5e-6d7f8091a2b3', amountApplied: 82500 },
    ],
  },
});

export const paymentFailed = defineEvent({
  type: 'PAYMENT_FAILED',
  displayName: 'Payment Failed',
  description: 'Payment attempt failed.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    paymentId: entityId('Payment record of the attempt, if one was created').optional(),
    invoiceId: invoiceId('Invoice the payment was meant for, if any').optional(),
    clientId: billedClientId('Client whose payment failed (formerly called company)'),
    failedAt: timestamp('When the attempt failed'),
    amount: moneyAmount('Amount attempted'),
    currency: currency(),
    method: paymentMethod(),
    failureCode: label('Gateway failure code, e.g. card_declined').optional(),
    failureMessage: text('Gateway failure message').optional(),
    retryable: flag('Whether retrying the payment may succeed').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    invoiceId: '6e8a0c24-5f7b-4d9e-8a3c-4b5d6e7f8091',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    failedAt: '2026-03-19T09:00:00Z',
    amount: 482500,
    currency: 'USD',
    method: 'card',
    failureCode: 'card_declined',
    failureMessage: 'Your card has insufficient funds.',
    retryable: true,
  },
});

export const paymentRefunded = defineEvent({
  type: 'PAYMENT_REFUNDED',
  displayName: 'Payment Refunded',
  description: 'Refund issued.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    paymentId: entityId('Payment that was refunded'),
    refundedAt: timestamp('When the refund was issued'),
    refundedByUserId: entityId('Staff user who issued the refund'),
    amount: moneyAmount('Amount refunded'),
    currency: currency(),
    reason: reason('Why the payment was refunded'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    paymentId: '7f9b1d35-6a8c-4e0f-9b4d-5c6e7f8091a2',
    refundedAt: '2026-03-22T10:00:00Z',
    refundedByUserId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
    amount: 82500,
    currency: 'USD',
    reason: 'Paid twice',
  },
});
