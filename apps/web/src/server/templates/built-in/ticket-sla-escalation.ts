import { automationUserParameter, edges, emailParameter, expr, notifyInApp, param, type BuiltInTemplate } from './template-parts';

/** 000's headline automation: a breached SLA moves the ticket up a tier and tells someone at once. */
export const ticketSlaEscalation: BuiltInTemplate = {
  key: 'tickets.sla-breach-escalation',
  name: 'Escalate tickets that breach their SLA',
  description:
    'When a ticket breaches an SLA stage, escalates it to another queue, assigns it to the escalation owner, and notifies them in the app. Emits TICKET_ESCALATED, TICKET_ASSIGNED and NOTIFICATION_SENT.',
  category: 'Tickets',
  tags: ['tickets', 'sla', 'escalation', 'notification'],
  parameterSchema: {
    type: 'object',
    required: ['escalationQueueId', 'escalationAssigneeId', 'notifyRecipient'],
    properties: {
      escalationQueueId: { type: 'string', minLength: 1, maxLength: 200, examples: ['tier-2'], description: 'Queue the ticket is escalated to' },
      escalationAssigneeId: { type: 'string', minLength: 1, maxLength: 200, examples: ['escalations-team'], description: 'Agent or team the ticket is assigned to' },
      escalationAssigneeType: { type: 'string', enum: ['team', 'user'], default: 'team', description: 'Whether the assignee is a team or a user' },
      notifyRecipient: emailParameter('Who is notified in the app (a user’s e-mail address)', 'escalations@example.com'),
      automationUserId: automationUserParameter,
    },
  },
  definition: {
    schemaVersion: 1,
    name: 'Escalate tickets that breach their SLA',
    nodes: [
      { id: 'breached', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED' },
      {
        id: 'escalate',
        type: 'emit',
        event: 'TICKET_ESCALATED',
        data: {
          tenantId: expr('event.data.tenantId'),
          ticketId: expr('event.data.ticketId'),
          toQueueId: param('escalationQueueId'),
          actorUserId: param('automationUserId'),
          escalatedAt: expr('$now()'),
          reason: expr('"SLA " & event.data.stage & " stage breached " & event.data.overdueBySeconds & " s past its target"'),
        },
      },
      {
        id: 'assign',
        type: 'emit',
        event: 'TICKET_ASSIGNED',
        data: {
          tenantId: expr('event.data.tenantId'),
          ticketId: expr('event.data.ticketId'),
          newAssigneeId: param('escalationAssigneeId'),
          newAssigneeType: param('escalationAssigneeType'),
          actorUserId: param('automationUserId'),
          assignedAt: expr('$now()'),
        },
      },
      ...notifyInApp({
        id: 'notify',
        recipient: 'notifyRecipient',
        title: '"SLA breached on ticket " & event.data.ticketId',
        body: '"The " & event.data.stage & " stage was due " & event.data.targetAt & "; the ticket is escalated and assigned to you."',
        templateId: 'tickets.sla-breach-escalation',
        contextType: 'ticket',
        contextId: 'event.data.ticketId',
      }),
      { id: 'done', type: 'end' },
    ],
    edges: edges('breached->escalate', 'escalate->assign', 'assign->notify', 'notify->notifySent', 'notifySent->done'),
  },
};
