import { durationParameter, edges, emailParameter, notifyInApp, param, type BuiltInTemplate } from './template-parts';

const KEY = 'work-orders.blocked-follow-up';

/** An in-app notification about the blocked work order, and its NOTIFICATION_SENT record. */
const notifyAbout = (id: string, recipient: string, title: string, body: string) =>
  notifyInApp({ id, recipient, title, body, templateId: `${KEY}.${id}`, contextType: 'work_order', contextId: 'event.data.workOrderId' });

/**
 * 002's work_order.blocked ("triggers escalation and an alert"): alerts the planner, then waits for
 * the status change that takes the work order out of BLOCKED; if none comes in time, escalates.
 */
export const workOrderBlocked: BuiltInTemplate = {
  key: KEY,
  name: 'Follow up blocked work orders',
  description:
    'When a work order is blocked, notifies the planner in the app and waits for a work_order.status_changed that moves it out of BLOCKED: then tells the planner it is unblocked, or, when the wait runs out, notifies the escalation contact. Emits NOTIFICATION_SENT for each notification.',
  category: 'Work Orders',
  tags: ['work-orders', 'blocked', 'notification', 'escalation'],
  parameterSchema: {
    type: 'object',
    required: ['plannerEmail', 'escalationEmail'],
    properties: {
      plannerEmail: emailParameter('Who is told about the block and its end (a user’s e-mail address)', 'planner@example.com'),
      escalationEmail: emailParameter('Who is told when the block outlasts the wait', 'operations@example.com'),
      waitForUnblock: durationParameter('How long to wait for the unblock before escalating', 'P2D'),
    },
  },
  definition: {
    schemaVersion: 1,
    name: 'Follow up blocked work orders',
    nodes: [
      { id: 'blocked', type: 'trigger', event: 'work_order.blocked' },
      ...notifyAbout('alert', 'plannerEmail', '"Work order " & event.data.workOrderId & " is blocked"', 'event.data.blockReason'),
      {
        id: 'unblock',
        type: 'waitForEvent',
        event: 'work_order.status_changed',
        correlation: { event: 'event.data.workOrderId', run: 'event.data.workOrderId' },
        // Any transition out of BLOCKED ends the block; one whose guards failed did not happen.
        filter: 'event.data.newStatus != "BLOCKED" and $count(event.data.guardsFailed) = 0',
        timeout: param('waitForUnblock'),
      },
      ...notifyAbout('unblocked', 'plannerEmail', '"Work order " & event.data.workOrderId & " is unblocked"', '"It moved on to " & steps.unblock.output.data.newStatus & "."'),
      ...notifyAbout('escalation', 'escalationEmail', '"Work order " & event.data.workOrderId & " is still blocked"', '"Blocked: " & event.data.blockReason'),
      { id: 'resumed', type: 'end' },
      { id: 'escalated', type: 'end' },
    ],
    edges: edges(
      'blocked->alert',
      'alert->alertSent',
      'alertSent->unblock',
      'unblock->unblocked:received',
      'unblock->escalation:timeout',
      'unblocked->unblockedSent',
      'unblockedSent->resumed',
      'escalation->escalationSent',
      'escalationSent->escalated',
    ),
  },
};
