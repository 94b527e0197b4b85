import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCausedBy, tenantWithTemplate } from '@/test/template-runs';
import { startWorkerStack } from '@/test/worker-stack';
import { closeServices, db } from '@/server/services';
import { registerBuiltInTemplates } from './index';

// Each built-in instantiated and run end to end: events published over the API, real runs on
// Temporal, follow-up events read back from the event log. Short intervals keep it quick.
const stack = await startWorkerStack();
beforeAll(() => registerBuiltInTemplates());
afterAll(async () => {
  await stack.stop();
  await closeServices();
});

const mailTo = (tenantId: string) => db().capturedEmail.findMany({ where: { tenantId }, orderBy: { id: 'asc' } });

describe('built-in templates, run end to end', () => {
  it('tickets.sla-breach-escalation: a breached SLA escalates and assigns the ticket and notifies the escalation owner', async () => {
    const tenant = await tenantWithTemplate('tickets.sla-breach-escalation', {
      escalationQueueId: 'tier-2', escalationAssigneeId: 'escalations-team', notifyRecipient: 'lead@acme.test',
    });
    const breach = await tenant.publish('TICKET_SLA_STAGE_BREACHED', { ticketId: 'T-100', stage: 'resolution', overdueBySeconds: 120 });
    const [escalated] = await tenant.awaitLogged('TICKET_ESCALATED');
    expectCausedBy(escalated!, breach);
    expect(escalated!.data).toMatchObject({ tenantId: tenant.tenantId, ticketId: 'T-100', toQueueId: 'tier-2', actorUserId: 'cascade-automation', reason: 'SLA resolution stage breached 120 s past its target' });
    const [assigned] = await tenant.awaitLogged('TICKET_ASSIGNED');
    expect(assigned!.data).toMatchObject({ ticketId: 'T-100', newAssigneeId: 'escalations-team', newAssigneeType: 'team' });
    const [notified] = await tenant.awaitLogged('NOTIFICATION_SENT');
    const inbox = await db().notification.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
    expect(inbox).toMatchObject({ recipient: 'lead@acme.test', title: 'SLA breached on ticket T-100' });
    expect(notified!.data).toMatchObject({ notificationId: inbox.id, channel: 'in_app', recipientId: 'lead@acme.test', contextType: 'ticket', contextId: 'T-100' });
    expect((await tenant.finishedRun(breach.id)).status).toBe('COMPLETED');
  });

  it('billing.overdue-invoice-reminders: e-mails every interval up to the count while no payment is applied to the invoice', async () => {
    const tenant = await tenantWithTemplate('billing.overdue-invoice-reminders', { recipients: ['ar@acme.test'], interval: 'PT1S', reminderCount: 2 });
    const overdue = await tenant.publish('INVOICE_OVERDUE', { invoiceId: 'INV-1', amountDue: 48250, currency: 'USD' });
    // A payment applied to another invoice stops nothing.
    await tenant.publish('PAYMENT_APPLIED', { applications: [{ invoiceId: 'INV-2', amountApplied: 100 }] });
    expect((await tenant.finishedRun(overdue.id)).status).toBe('COMPLETED');

    const reminders = await tenant.logged('NOTIFICATION_SENT');
    expect(reminders).toHaveLength(2);
    for (const reminder of reminders) expectCausedBy(reminder, overdue);
    expect(reminders.map((r) => r.data)).toEqual([
      expect.objectContaining({ channel: 'email', contextType: 'invoice', contextId: 'INV-1', recipientId: 'ar@acme.test' }),
      expect.objectContaining({ channel: 'email', contextType: 'invoice', contextId: 'INV-1' }),
    ]);
    const mail = await mailTo(tenant.tenantId);
    expect(mail.map((m) => [m.to, m.subject])).toEqual([
      [['ar@acme.test'], 'Payment reminder 1: invoice INV-1 is overdue'],
      [['ar@acme.test'], 'Payment reminder 2: invoice INV-1 is overdue'],
    ]);
    expect(mail[0]!.text).toContain('Still unpaid: 482.5 USD');
  });

  it('billing.overdue-invoice-reminders: stops reminding once PAYMENT_APPLIED applies a payment to the invoice, among others', async () => {
    const tenant = await tenantWithTemplate('billing.overdue-invoice-reminders', { recipients: ['ar@acme.test'], interval: 'PT2S', reminderCount: 10 });
    const overdue = await tenant.publish('INVOICE_OVERDUE', { invoiceId: 'INV-7' });
    await tenant.awaitLogged('NOTIFICATION_SENT', 1);
    const payment = await tenant.publish('PAYMENT_APPLIED', {
      applications: [{ invoiceId: 'INV-6', amountApplied: 100 }, { invoiceId: 'INV-7', amountApplied: 482500 }],
    });
    const run = await tenant.finishedRun(overdue.id);
    expect(run.status).toBe('COMPLETED');
    // Ten reminders two seconds apart would take twenty; the payment ended the run after the first.
    expect(run.finishedAt!.getTime() - run.startedAt.getTime()).toBeLessThan(10_000);
    expect(await tenant.logged('NOTIFICATION_SENT')).toHaveLength(1);
    expect(await mailTo(tenant.tenantId)).toHaveLength(1);
    const delivered = await db().wait.findFirstOrThrow({ where: { runId: run.id, deliveredEventId: { not: null } } });
    expect(delivered.deliveredEventId).toBe(payment.id);
  });

  it('work-orders.blocked-follow-up: notifies the planner, ignores what does not unblock it, and ends the wait on the unblock', async () => {
    const tenant = await tenantWithTemplate('work-orders.blocked-follow-up', { plannerEmail: 'planner@acme.test', escalationEmail: 'ops@acme.test', waitForUnblock: 'PT1M' });
    const blocked = await tenant.publish('work_order.blocked', { workOrderId: 'WO-1', blockReason: 'Waiting on a probe' });
    const [alert] = await tenant.awaitLogged('NOTIFICATION_SENT');
    expectCausedBy(alert!, blocked);
    expect(alert!.data).toMatchObject({ templateId: 'work-orders.blocked-follow-up.alert', contextType: 'work_order', contextId: 'WO-1', recipientId: 'planner@acme.test' });

    const transition = { previousStatus: 'BLOCKED', newStatus: 'IN_PROGRESS', guardsFailed: [] };
    await tenant.publish('work_order.status_changed', { ...transition, workOrderId: 'WO-2' });
    await tenant.publish('work_order.status_changed', { ...transition, workOrderId: 'WO-1', newStatus: 'IN_PROGRESS', guardsFailed: ['toolCalibrated'] });
    const unblock = await tenant.publish('work_order.status_changed', { ...transition, workOrderId: 'WO-1' });
    expect((await tenant.finishedRun(blocked.id)).status).toBe('COMPLETED');
    const notes = await tenant.logged('NOTIFICATION_SENT');
    expect(notes.map((n) => n.data.templateId)).toEqual(['work-orders.blocked-follow-up.alert', 'work-orders.blocked-follow-up.unblocked']);
    const inbox = await db().notification.findMany({ where: { tenantId: tenant.tenantId }, orderBy: { createdAt: 'asc' } });
    expect(inbox.map((n) => n.title)).toEqual(['Work order WO-1 is blocked', 'Work order WO-1 is unblocked']);
    expect(inbox[1]!.body).toBe('It moved on to IN_PROGRESS.');
    expect((await db().wait.findFirstOrThrow({ where: { tenantId: tenant.tenantId } })).deliveredEventId).toBe(unblock.id);
  });

  it('work-orders.blocked-follow-up: escalates when the block outlasts the wait', async () => {
    const tenant = await tenantWithTemplate('work-orders.blocked-follow-up', { plannerEmail: 'planner@acme.test', escalationEmail: 'ops@acme.test', waitForUnblock: 'PT1S' });
    const blocked = await tenant.publish('work_order.blocked', { workOrderId: 'WO-9' });
    expect((await tenant.finishedRun(blocked.id)).status).toBe('COMPLETED');
    const notes = await tenant.logged('NOTIFICATION_SENT');
    expect(notes.map((n) => [n.data.templateId, n.data.recipientId])).toEqual([
      ['work-orders.blocked-follow-up.alert', 'planner@acme.test'],
      ['work-orders.blocked-follow-up.escalation', 'ops@acme.test'],
    ]);
  });

  it('users.welcome-email: e-mails the new user and records it as notify.notification.sent', async () => {
    const tenant = await tenantWithTemplate('users.welcome-email', { subject: 'Welcome to Acme' });
    const created = await tenant.publish('auth.user.created', { userId: 'u-42', email: 'new.hire@acme.test' });
    const [sent] = await tenant.awaitLogged('notify.notification.sent');
    expectCausedBy(sent!, created);
    const [mail] = await mailTo(tenant.tenantId);
    expect(mail).toMatchObject({ to: ['new.hire@acme.test'], subject: 'Welcome to Acme' });
    expect(mail!.text).toContain('Your account is ready');
    expect(sent!.data).toMatchObject({ channel: 'email', userId: 'u-42', notificationId: expect.any(String) });
  });

  it('contracts.renewal-reminder: reminds the owner of a renewal within the threshold, and only then', async () => {
    const tenant = await tenantWithTemplate('contracts.renewal-reminder', { ownerEmail: 'am@acme.test', withinDays: 30 });
    const far = await tenant.publish('CONTRACT_RENEWAL_UPCOMING', { contractId: 'C-far', daysUntilRenewal: 90 });
    const near = await tenant.publish('CONTRACT_RENEWAL_UPCOMING', { contractId: 'C-near', daysUntilRenewal: 14 });
    expect((await tenant.finishedRun(far.id)).status).toBe('COMPLETED');
    expect((await tenant.finishedRun(near.id)).status).toBe('COMPLETED');
    const reminders = await tenant.logged('NOTIFICATION_SENT');
    expect(reminders).toHaveLength(1);
    expectCausedBy(reminders[0]!, near);
    expect(reminders[0]!.data).toMatchObject({ contextType: 'contract', contextId: 'C-near', recipientId: 'am@acme.test' });
    expect(reminders[0]!.data).toMatchObject({ channel: 'in_app' });
    expect((await db().notification.findFirstOrThrow({ where: { tenantId: tenant.tenantId } })).title).toBe('Contract C-near renews in 14 days');
  });

  it('contracts.renewal-reminder: reminds by e-mail when the instance chose that channel', async () => {
    const tenant = await tenantWithTemplate('contracts.renewal-reminder', { ownerEmail: 'am@acme.test', channel: 'email' });
    const near = await tenant.publish('CONTRACT_RENEWAL_UPCOMING', { contractId: 'C-mail', daysUntilRenewal: 5 });
    const [reminder] = await tenant.awaitLogged('NOTIFICATION_SENT');
    expectCausedBy(reminder!, near);
    const [mail] = await mailTo(tenant.tenantId);
    expect(mail).toMatchObject({ to: ['am@acme.test'], subject: 'Contract C-mail renews in 5 days' });
    expect(reminder!.data).toMatchObject({ channel: 'email', contextId: 'C-mail', recipientId: 'am@acme.test', notificationId: expect.any(String) });
    expect(await db().notification.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
  });

  it('integrations.reconnect-reminder: reminds the administrator to reconnect, linking to the settings', async () => {
    const tenant = await tenantWithTemplate('integrations.reconnect-reminder', { adminEmail: 'it@acme.test', reconnectLink: '/settings/integrations' });
    const expiring = await tenant.publish('INTEGRATION_TOKEN_EXPIRING', { integrationId: 'int-qbo', provider: 'quickbooks', daysUntilExpiry: 3 });
    const [reminder] = await tenant.awaitLogged('NOTIFICATION_SENT');
    expectCausedBy(reminder!, expiring);
    expect(reminder!.data).toMatchObject({ contextType: 'integration', contextId: 'int-qbo', recipientId: 'it@acme.test' });
    const inbox = await db().notification.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
    expect(inbox).toMatchObject({ recipient: 'it@acme.test', title: 'Reconnect quickbooks: its token expires in 3 days', link: '/settings/integrations' });
  });
});
