import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { entityId, label, reason, tenantId, text, timestamp } from '../../fields';

const approvalId = () => entityId('Approval the event is about');
const projectId = () => entityId('Project the approval is for');
const approvalType = () => label('What is being approved, e.g. scope, budget or change');

export const projectApprovalRequested = defineEvent({
  type: 'PROJECT_APPROVAL_REQUESTED',
  displayName: 'Project Approval Requested',
  description: 'Scope/budget/change approval request.',
  category: 'Projects',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    approvalId: approvalId(),
    projectId: projectId(),
    approvalType: approvalType(),
    requestedByUserId: entityId('Staff user who requested the approval'),
    requestedAt: timestamp('When the approval was requested'),
    notes: text('Notes for the approver').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    approvalId: '5d7f9b13-4e6a-4c8d-8f2b-3a4c5d6e7f80',
    projectId: '2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c4d',
    approvalType: 'budget',
    requestedByUserId: '2f4e6d8c-0b1a-4c3e-9d5f-7a8b9c0d1e2f',
    requestedAt: '2026-03-06T10:00:00Z',
    notes: 'Twelve extra hours for the archive mailboxes',
  },
});

export const projectApprovalGranted = defineEvent({
  type: 'PROJECT_APPROVAL_GRANTED',
  displayName: 'Project Approval Granted',
  description: 'Approval granted.',
  category: 'Projects',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    approvalId: approvalId(),
    projectId: projectId(),
    approvalType: approvalType(),
    approvedByUserId: entityId('User who granted the approval'),
    approvedAt: timestamp('When the approval was granted'),
    notes: text('Notes from the approver').optional(),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    approvalId: '5d7f9b13-4e6a-4c8d-8f2b-3a4c5d6e7f80',
    projectId: '2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c4d',
    approvalType: 'budget',
    approvedByUserId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
    approvedAt: '2026-03-06T15:30:00Z',
  },
});

export const projectApprovalRejected = defineEvent({
  type: 'PROJECT_APPROVAL_REJECTED',
  displayName: 'Project Approval Rejected',
  description: 'Approval rejected.',
  category: 'Projects',
  domain: 'psa',
  payload: z.object({
    tenantId: tenantId(),
    approvalId: approvalId(),
    projectId: projectId(),
    approvalType: approvalType(),
    rejectedByUserId: entityId('User who rejected the approval'),
    rejectedAt: timestamp('When the approval was rejected'),
    reason: reason('Why the approval was rejected'),
  }),
  example: {
    tenantId: '7f3c9a2e-4b1d-4e8a-9c6f-2d5e8b1a3f70',
    approvalId: '5d7f9b13-4e6a-4c8d-8f2b-3a4c5d6e7f80',
    projectId: '2a4c6e80-1b3d-4f5a-8c7e-9d0f1a2b3c4d',
    approvalType: 'change',
    rejectedByUserId: '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
    rejectedAt: '2026-03-06T15:30:00Z',
    reason: 'Out of the agreed scope; quote it separately',
  },
});
