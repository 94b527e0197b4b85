import { assigneesParameter, durationParameter, edges, emailParameter, expr, notifyInApp, param, type BuiltInTemplate } from './template-parts';

const KEY = 'compliance.corrective-action';

/**
 * 002's compliance.violation_detected ("triggers CAPA assessment if severity ≥ HIGH"): alerts the
 * quality lead and opens a corrective-action task; the decision goes to the audit trail.
 */
export const complianceCorrectiveAction: BuiltInTemplate = {
  key: KEY,
  name: 'Corrective action for serious compliance violations',
  description:
    'When a compliance violation of severity HIGH or CRITICAL is detected, alerts the quality lead in the app and opens a corrective-action task (escalated when undecided). Its decision is recorded as audit.record.created; a task nobody takes up in time alerts the quality lead again. Emits NOTIFICATION_SENT and audit.record.created.',
  category: 'Compliance',
  tags: ['compliance', 'capa', 'violations', 'tasks'],
  parameterSchema: {
    type: 'object',
    required: ['qualityLeadEmail', 'assignees', 'escalateTo'],
    properties: {
      qualityLeadEmail: emailParameter('Who is alerted (a user’s e-mail address)', 'quality@example.com'),
      assignees: assigneesParameter('Who carries out the corrective action: user ids, e-mail addresses or roles', 'admins'),
      escalateTo: assigneesParameter('Who else may close the task once the escalation time has passed', 'admins'),
      escalateAfter: durationParameter('Time before the task is escalated', 'P1D'),
      dueWithin: durationParameter('Time allowed for the corrective action', 'P7D'),
    },
  },
  definition: {
    schemaVersion: 1,
    name: 'Corrective action for serious compliance violations',
    nodes: [
      { id: 'violation', type: 'trigger', event: 'compliance.violation_detected', filter: 'event.data.severity in ["HIGH", "CRITICAL"]' },
      ...notifyInApp({
        id: 'alert',
        recipient: 'qualityLeadEmail',
        title: 'event.data.severity & " " & event.data.regulation & " violation: " & event.data.requirement',
        body: 'event.data.description & " Recommended: " & event.data.recommendedAction',
        templateId: KEY,
        contextType: 'compliance_violation',
        contextId: 'event.data.violationId',
      }),
      {
        id: 'correct',
        type: 'approval',
        title: 'Corrective action for a compliance violation',
        assignees: param('assignees'),
        formFields: [{ name: 'actionTaken', label: 'Corrective action taken', type: 'text', required: true }],
        timeout: param('dueWithin'),
        escalation: { after: param('escalateAfter'), assignees: param('escalateTo') },
      },
      {
        id: 'audited',
        type: 'emit',
        event: 'audit.record.created',
        data: {
          tenantId: expr('event.data.tenantId'),
          auditId: expr('run.id'),
          action: expr('"compliance.corrective_action_" & steps.correct.output.outcome'),
          userId: expr('steps.correct.output.decidedBy'),
        },
      },
      ...notifyInApp({
        id: 'overdue',
        recipient: 'qualityLeadEmail',
        title: '"Corrective action overdue: violation " & event.data.violationId',
        body: 'event.data.description',
        templateId: `${KEY}.overdue`,
        contextType: 'compliance_violation',
        contextId: 'event.data.violationId',
      }),
      { id: 'closed', type: 'end' },
      { id: 'leftOpen', type: 'end' },
    ],
    edges: edges(
      'violation->alert',
      'alert->alertSent',
      'alertSent->correct',
      'correct->audited:approved',
      'correct->audited:rejected',
      'correct->overdue:timeout',
      'audited->closed',
      'overdue->overdueSent',
      'overdueSent->leftOpen',
    ),
  },
};
