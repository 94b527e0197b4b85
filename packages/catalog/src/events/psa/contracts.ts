import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { actorUserId, calendarDate, changeSet, count, entityId, label, tenantId, timestamp } from '../../fields';

const contractId = () => entityId('Contract the event is about');
const clientId = () => entityId('Client the contract is with');

export const contractCreated = defineEvent({
  type: 'CONTRACT_CREATED',
  displayName: 'Contract Created',
  description: 'Client contract created.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    contractId: contractId(),
    clientId: clientId(),
    createdByUserId: entityId('Staff user who created the contract'),
    createdAt: timestamp('When the contract was created'),
    startDate: calendarDate('First day the contract applies').optional(),
    endDate: calendarDate('Last day the contract applies').optional(),
    status: label('Initial contract status, e.g. draft').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    contractId: 'a1c3e579-0b2d-4f4a-8c6e-8091a2b3c4d5',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    createdByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    createdAt: '2026-01-15T10:00:00Z',
    startDate: '2026-02-01',
    endDate: '2027-01-31',
    status: 'draft',
  },
});

export const contractUpdated = defineEvent({
  type: 'CONTRACT_UPDATED',
  displayName: 'Contract Updated',
  description: 'Contract fields changed.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    contractId: contractId(),
    clientId: clientId(),
    actorUserId: actorUserId(),
    updatedAt: timestamp('When the contract was updated'),
    ...changeSet(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    contractId: 'a1c3e579-0b2d-4f4a-8c6e-8091a2b3c4d5',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    updatedAt: '2026-01-20T10:00:00Z',
    updatedFields: ['endDate'],
    changes: { endDate: { previous: '2027-01-31', new: '2028-01-31' } },
  },
});

export const contractStatusChanged = defineEvent({
  type: 'CONTRACT_STATUS_CHANGED',
  displayName: 'Contract Status Changed',
  description: 'Contract lifecycle change.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    contractId: contractId(),
    clientId: clientId(),
    previousStatus: label('Status before the change'),
    newStatus: label('Status after the change'),
    actorUserId: actorUserId(),
    changedAt: timestamp('When the status changed'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    contractId: 'a1c3e579-0b2d-4f4a-8c6e-8091a2b3c4d5',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    previousStatus: 'draft',
    newStatus: 'active',
    actorUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    changedAt: '2026-02-01T00:00:00Z',
  },
});

export const contractRenewalUpcoming = defineEvent({
  type: 'CONTRACT_RENEWAL_UPCOMING',
  displayName: 'Contract Renewal Upcoming',
  description: 'Renewal is approaching.',
  category: 'Billing',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    contractId: contractId(),
    clientId: clientId(),
    renewalAt: timestamp('When the contract renews'),
    daysUntilRenewal: count('Whole days left until the renewal'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    contractId: 'a1c3e579-0b2d-4f4a-8c6e-8091a2b3c4d5',
    clientId: '3a9d5c1e-2b7f-4e80-9a6c-5d4b3e2f1a09',
    renewalAt: '2027-02-01T00:00:00Z',
    daysUntilRenewal: 30,
  },
});
