import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { count, entityId, failure, tenantId, text, timestamp } from '../../fields';

const runId = () => entityId('Recurring billing run the event is about');

export const recurringBillingRunStarted = defineEvent({
  type: 'RECURRING_BILLING_RUN_STARTED',
  displayName: 'Recurring Billing Run Started',
  description: 'Run begins.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    runId: runId(),
    scheduleId: entityId('Billing schedule that started the run; absent for manual runs').optional(),
    startedAt: timestamp('When the run started'),
    initiatedByUserId: entityId('Staff user who started the run manually').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    runId: 'b2d4f68a-1c3e-4a5b-9d7f-91a2b3c4d5e6',
    scheduleId: 'c3e5a79b-2d4f-4b6c-8e8a-a2b3c4d5e6f7',
    startedAt: '2026-03-01T02:00:00Z',
  },
});

export const recurringBillingRunCompleted = defineEvent({
  type: 'RECURRING_BILLING_RUN_COMPLETED',
  displayName: 'Recurring Billing Run Completed',
  description: 'Run completes.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    runId: runId(),
    completedAt: timestamp('When the run completed'),
    invoicesCreated: count('Invoices the run created'),
    failedCount: count('Clients the run could not invoice'),
    warnings: z.array(text('Warning')).describe('Warnings raised during the run').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    runId: 'b2d4f68a-1c3e-4a5b-9d7f-91a2b3c4d5e6',
    completedAt: '2026-03-01T02:03:41Z',
    invoicesCreated: 57,
    failedCount: 1,
    warnings: ['Client "Northwind Traders" has no billing email; invoice left in draft'],
  },
});

export const recurringBillingRunFailed = defineEvent({
  type: 'RECURRING_BILLING_RUN_FAILED',
  displayName: 'Recurring Billing Run Failed',
  description: 'Run fails.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    runId: runId(),
    failedAt: timestamp('When the run failed'),
    ...failure(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    runId: 'b2d4f68a-1c3e-4a5b-9d7f-91a2b3c4d5e6',
    failedAt: '2026-03-01T02:01:10Z',
    errorCode: 'TAX_RATE_MISSING',
    errorMessage: 'No tax rate configured for region US-IL',
    retryable: false,
  },
});
