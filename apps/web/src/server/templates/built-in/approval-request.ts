import { assigneesParameter, automationUserParameter, durationParameter, edges, expr, param, textParameter, type BuiltInTemplate } from './template-parts';

/**
 * What differs between the approval requests of 000's tickets and projects: the events, and the
 * payload fields that name the request and what it is for. The flow is the same.
 */
interface ApprovalSubject {
  key: string;
  noun: string;
  category: string;
  requested: string;
  granted: string;
  rejected: string;
  /** Payload fields copied from the request onto its granted or rejected event. */
  carried: string[];
  /** The field of the granted event that takes the approver's notes. */
  notesField: string;
}

const carry = (fields: string[]) => Object.fromEntries(fields.map((field) => [field, expr(`event.data.${field}`)]));

function approvalRequestTemplate(subject: ApprovalSubject): BuiltInTemplate {
  const name = `Decide ${subject.noun} approval requests`;
  return {
    key: subject.key,
    name,
    description: `When a ${subject.noun} approval is requested, opens an approval task for the approvers, escalates it when nobody decides in time, and emits ${subject.granted} or ${subject.rejected} (rejected also when the task times out).`,
    category: subject.category,
    tags: ['approvals', subject.noun, 'escalation'],
    parameterSchema: {
      type: 'object',
      required: ['approvers', 'escalateTo'],
      properties: {
        approvers: assigneesParameter('Who decides: user ids, e-mail addresses or roles such as admins', 'admins'),
        escalateTo: assigneesParameter('Who else may decide once the escalation time has passed', 'admins'),
        escalateAfter: durationParameter('Time without a decision before the task is escalated', 'P1D'),
        timeout: durationParameter('Time without a decision before the request is rejected', 'P3D'),
        title: textParameter('Title of the approval task', `Approve the ${subject.noun} request`, 200),
        automationUserId: automationUserParameter,
      },
    },
    definition: {
      schemaVersion: 1,
      name,
      nodes: [
        { id: 'requested', type: 'trigger', event: subject.requested },
        {
          id: 'decide',
          type: 'approval',
          title: param('title'),
          assignees: param('approvers'),
          formFields: [{ name: 'notes', label: 'Notes or conditions', type: 'text' }],
          timeout: param('timeout'),
          escalation: { after: param('escalateAfter'), assignees: param('escalateTo') },
        },
        {
          id: 'granted',
          type: 'emit',
          event: subject.granted,
          data: {
            ...carry(['tenantId', ...subject.carried]),
            approvedByUserId: expr('steps.decide.output.decidedBy'),
            approvedAt: expr('$now()'),
            [subject.notesField]: expr('steps.decide.output.data.notes'),
          },
        },
        {
          id: 'rejected',
          type: 'emit',
          event: subject.rejected,
          data: {
            ...carry(['tenantId', ...subject.carried]),
            rejectedByUserId: expr('steps.decide.output.decidedBy'),
            rejectedAt: expr('$now()'),
            reason: expr('steps.decide.output.comment'),
          },
        },
        {
          id: 'expired',
          type: 'emit',
          event: subject.rejected,
          data: {
            ...carry(['tenantId', ...subject.carried]),
            rejectedByUserId: param('automationUserId'),
            rejectedAt: expr('$now()'),
            reason: 'Nobody decided in time',
          },
        },
        { id: 'approvedEnd', type: 'end' },
        { id: 'rejectedEnd', type: 'end' },
        { id: 'expiredEnd', type: 'end' },
      ],
      edges: edges(
        'requested->decide',
        'decide->granted:approved',
        'decide->rejected:rejected',
        'decide->expired:timeout',
        'granted->approvedEnd',
        'rejected->rejectedEnd',
        'expired->expiredEnd',
      ),
    },
  };
}

export const ticketApprovalRequest = approvalRequestTemplate({
  key: 'tickets.approval-request',
  noun: 'ticket',
  category: 'Tickets',
  requested: 'TICKET_APPROVAL_REQUESTED',
  granted: 'TICKET_APPROVAL_GRANTED',
  rejected: 'TICKET_APPROVAL_REJECTED',
  carried: ['ticketId', 'approvalRequestId'],
  notesField: 'conditions',
});

export const projectApprovalRequest = approvalRequestTemplate({
  key: 'projects.approval-request',
  noun: 'project',
  category: 'Projects',
  requested: 'PROJECT_APPROVAL_REQUESTED',
  granted: 'PROJECT_APPROVAL_GRANTED',
  rejected: 'PROJECT_APPROVAL_REJECTED',
  carried: ['approvalId', 'projectId', 'approvalType'],
  notesField: 'notes',
});
