import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { choice, entityId, flag, label, optionalActor, orNull, tenantId, text, timestamp } from '../../fields';

const approvalId = () => entityId('Approval the event is about');
const workOrderId = () => entityId('Work order the approval is for');

export const approvalRequested = defineEvent({
  type: 'approval.requested',
  displayName: 'Approval Requested',
  description: 'An approver was asked to approve a work order; notifies the approver or dispatches an agent.',
  category: 'Approvals',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    approvalId: approvalId(),
    workOrderId: workOrderId(),
    approverId: entityId('User or agent asked to approve'),
    role: label('Approval role, e.g. QA_REVIEWER'),
    dueDate: timestamp('When the decision is due'),
    escalationDate: orNull(timestamp('When the approval escalates if undecided; null when it never does')),
    ...optionalActor(),
  }),
  example: {
    tenantId: 'acme-biologics',
    approvalId: '0195f2b0-2a2a-7d00-8e00-0000000000a1',
    workOrderId: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
    approverId: 'u-1207',
    role: 'QA_REVIEWER',
    dueDate: '2026-03-12T17:00:00Z',
    escalationDate: '2026-03-13T09:00:00Z',
    actorType: 'SYSTEM',
  },
});

export const approvalDecisionSubmitted = defineEvent({
  type: 'approval.decision_submitted',
  displayName: 'Approval Decision Submitted',
  description: 'An approver decided. Signature manifestation and record linking are verified (FDA §11.50/§11.70).',
  category: 'Approvals',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    approvalId: approvalId(),
    workOrderId: workOrderId(),
    approverId: entityId('User or agent who decided'),
    decision: choice(['APPROVED', 'REJECTED', 'RETURNED_FOR_REVISION'], 'The decision'),
    comments: orNull(text('Comments given with the decision')),
    signatureId: orNull(entityId('Electronic signature applied; present for regulatory work orders')),
    signatureVerified: flag('Whether the signature was verified'),
  }),
  example: {
    tenantId: 'acme-biologics',
    approvalId: '0195f2b0-2a2a-7d00-8e00-0000000000a1',
    workOrderId: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
    approverId: 'u-1207',
    decision: 'APPROVED',
    comments: 'Calibration certificate attached and within tolerance.',
    signatureId: '0195f2b1-5e5e-7f00-9000-0000000000e5',
    signatureVerified: true,
  },
});

export const approvalEscalated = defineEvent({
  type: 'approval.escalated',
  displayName: 'Approval Escalated',
  description: 'An approval moved to another approver: overdue, delegated, or escalated for risk.',
  category: 'Approvals',
  domain: 'work-orders',
  payload: z.object({
    tenantId: tenantId(),
    approvalId: approvalId(),
    workOrderId: workOrderId(),
    originalApproverId: entityId('Approver the approval was assigned to'),
    escalatedToId: entityId('Approver it was escalated to'),
    reason: choice(['OVERDUE', 'DELEGATION', 'RISK_ESCALATION'], 'Why the approval was escalated'),
    originalDueDate: timestamp('When the original decision was due'),
    ...optionalActor(),
  }),
  example: {
    tenantId: 'acme-biologics',
    approvalId: '0195f2b0-2a2a-7d00-8e00-0000000000a1',
    workOrderId: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
    originalApproverId: 'u-1207',
    escalatedToId: 'u-0042',
    reason: 'OVERDUE',
    originalDueDate: '2026-03-12T17:00:00Z',
    actorType: 'SYSTEM',
  },
});
