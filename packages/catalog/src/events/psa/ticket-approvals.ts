import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { entityId, label, reason, tenantId, text, timestamp } from '../../fields';

export const ticketApprovalRequested = defineEvent({
  type: 'TICKET_APPROVAL_REQUESTED',
  displayName: 'Ticket Approval Requested',
  description: 'Request approval (access/spend/change).',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket the approval is for'),
    approvalRequestId: entityId('Approval request that was opened'),
    approvalType: label('What is being approved, e.g. access, spend or change'),
    requestedByUserId: entityId('Staff user who requested the approval'),
    requestedAt: timestamp('When the approval was requested'),
    notes: text('Notes for the approver').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    approvalRequestId: 'ee55ff66-0077-4188-9299-aabbccddeeff',
    approvalType: 'spend',
    requestedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    requestedAt: '2026-03-02T11:30:00Z',
    notes: 'Replacement laptop, 1,450 USD',
  },
});

export const ticketApprovalGranted = defineEvent({
  type: 'TICKET_APPROVAL_GRANTED',
  displayName: 'Ticket Approval Granted',
  description: 'Approval granted.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket the approval is for'),
    approvalRequestId: entityId('Approval request that was granted'),
    approvedByUserId: entityId('User who granted the approval'),
    approvedAt: timestamp('When the approval was granted'),
    conditions: text('Conditions attached to the approval').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    approvalRequestId: 'ee55ff66-0077-4188-9299-aabbccddeeff',
    approvedByUserId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
    approvedAt: '2026-03-02T14:02:00Z',
    conditions: 'Reuse the docking station',
  },
});

export const ticketApprovalRejected = defineEvent({
  type: 'TICKET_APPROVAL_REJECTED',
  displayName: 'Ticket Approval Rejected',
  description: 'Approval rejected.',
  category: 'Tickets',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    ticketId: entityId('Ticket the approval is for'),
    approvalRequestId: entityId('Approval request that was rejected'),
    rejectedByUserId: entityId('User who rejected the approval'),
    rejectedAt: timestamp('When the approval was rejected'),
    reason: reason('Why the approval was rejected'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    ticketId: 'b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    approvalRequestId: 'ee55ff66-0077-4188-9299-aabbccddeeff',
    rejectedByUserId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
    rejectedAt: '2026-03-02T14:02:00Z',
    reason: 'Over budget this quarter',
  },
});
