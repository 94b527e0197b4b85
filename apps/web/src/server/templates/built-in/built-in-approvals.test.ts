import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCausedBy, tenantWithTemplate } from '@/test/template-runs';
import { eventually, startWorkerStack } from '@/test/worker-stack';
import { closeServices, db } from '@/server/services';
import { registerBuiltInTemplates } from './index';

// The built-ins that open approval tasks, run end to end: events published over the API, tasks
// decided over the API, follow-up events read from the event log. Escalations and timeouts take a second.
const stack = await startWorkerStack();
beforeAll(() => registerBuiltInTemplates());
afterAll(async () => {
  await stack.stop();
  await closeServices();
});

const approvalParameters = { approvers: ['approver@acme.test'], escalateTo: ['manager@acme.test'], escalateAfter: 'PT1S', timeout: 'PT1M' };

describe('built-in approval templates, run end to end', () => {
  it('tickets.approval-request: escalates an undecided task, and emits TICKET_APPROVAL_GRANTED with the approver and conditions', async () => {
    const tenant = await tenantWithTemplate('tickets.approval-request', { ...approvalParameters, title: 'Approve the laptop' });
    const requested = await tenant.publish('TICKET_APPROVAL_REQUESTED', { ticketId: 'T-7', approvalRequestId: 'AR-7' });
    const task = await tenant.pendingTask();
    expect(task).toMatchObject({ title: 'Approve the laptop', assignees: ['approver@acme.test'], escalatedAt: null });
    const escalated = await tenant.pendingTask((t) => t.escalatedAt !== null);
    expect(escalated.assignees).toEqual(['manager@acme.test']);

    const decided = await tenant.decide(task.id, { outcome: 'approved', data: { notes: 'Reuse the dock' } });
    const [granted] = await tenant.awaitLogged('TICKET_APPROVAL_GRANTED');
    expectCausedBy(granted!, requested);
    expect(granted!.data).toMatchObject({ tenantId: tenant.tenantId, ticketId: 'T-7', approvalRequestId: 'AR-7', approvedByUserId: decided.decidedBy, conditions: 'Reuse the dock' });
    expect((await tenant.finishedRun(requested.id)).status).toBe('COMPLETED');
    expect(await tenant.logged('TICKET_APPROVAL_REJECTED')).toEqual([]);
  });

  it('tickets.approval-request: rejects the request when nobody decides before the timeout', async () => {
    const tenant = await tenantWithTemplate('tickets.approval-request', { ...approvalParameters, timeout: 'PT1S' });
    const requested = await tenant.publish('TICKET_APPROVAL_REQUESTED', { ticketId: 'T-8', approvalRequestId: 'AR-8' });
    const [rejected] = await tenant.awaitLogged('TICKET_APPROVAL_REJECTED');
    expectCausedBy(rejected!, requested);
    expect(rejected!.data).toMatchObject({ ticketId: 'T-8', approvalRequestId: 'AR-8', rejectedByUserId: 'cascade-automation', reason: 'Nobody decided in time' });
    expect((await db().approvalTask.findFirstOrThrow({ where: { tenantId: tenant.tenantId } })).status).toBe('TIMED_OUT');
  });

  it('projects.approval-request: emits PROJECT_APPROVAL_REJECTED with the approver’s reason when the task is rejected', async () => {
    const tenant = await tenantWithTemplate('projects.approval-request', approvalParameters);
    const requested = await tenant.publish('PROJECT_APPROVAL_REQUESTED', { approvalId: 'PA-1', projectId: 'P-1', approvalType: 'budget' });
    const task = await tenant.pendingTask();
    expect(task.title).toBe('Approve the project request');
    const decided = await tenant.decide(task.id, { outcome: 'rejected', comment: 'Out of the agreed scope' });
    const [rejected] = await tenant.awaitLogged('PROJECT_APPROVAL_REJECTED');
    expectCausedBy(rejected!, requested);
    expect(rejected!.data).toMatchObject({ approvalId: 'PA-1', projectId: 'P-1', approvalType: 'budget', rejectedByUserId: decided.decidedBy, reason: 'Out of the agreed scope' });
    expect(await tenant.logged('PROJECT_APPROVAL_GRANTED')).toEqual([]);
  });

  it('projects.approval-request: emits PROJECT_APPROVAL_GRANTED when approved without notes', async () => {
    const tenant = await tenantWithTemplate('projects.approval-request', approvalParameters);
    const requested = await tenant.publish('PROJECT_APPROVAL_REQUESTED', { approvalId: 'PA-2', projectId: 'P-2', approvalType: 'scope' });
    await tenant.decide((await tenant.pendingTask()).id, { outcome: 'approved' });
    const [granted] = await tenant.awaitLogged('PROJECT_APPROVAL_GRANTED');
    expectCausedBy(granted!, requested);
    expect(granted!.data).toMatchObject({ approvalId: 'PA-2', projectId: 'P-2', approvalType: 'scope' });
    expect(granted!.data).not.toHaveProperty('notes');
  });

  it('compliance.corrective-action: a HIGH or CRITICAL violation alerts and opens a corrective-action task whose completion is audited; a LOW one starts nothing', async () => {
    const tenant = await tenantWithTemplate('compliance.corrective-action', {
      qualityLeadEmail: 'quality@acme.test', assignees: ['qa-engineers'], escalateTo: ['admins'], escalateAfter: 'P1D', dueWithin: 'P7D',
    });
    const low = await tenant.publish('compliance.violation_detected', { violationId: 'V-low', severity: 'LOW' });
    const critical = await tenant.publish('compliance.violation_detected', { violationId: 'V-1', severity: 'CRITICAL', regulation: 'HIPAA', requirement: '§164.312(b)' });
    const [alert] = await tenant.awaitLogged('NOTIFICATION_SENT');
    expectCausedBy(alert!, critical);
    expect(alert!.data).toMatchObject({ contextType: 'compliance_violation', contextId: 'V-1', recipientId: 'quality@acme.test' });
    expect((await db().notification.findFirstOrThrow({ where: { tenantId: tenant.tenantId } })).title).toBe('CRITICAL HIPAA violation: §164.312(b)');

    const task = await tenant.pendingTask();
    expect(task).toMatchObject({ title: 'Corrective action for a compliance violation', assignees: ['qa-engineers'] });
    const decided = await tenant.decide(task.id, { outcome: 'approved', data: { actionTaken: 'Audit logging re-enabled' } });
    const [audited] = await tenant.awaitLogged('audit.record.created');
    expectCausedBy(audited!, critical);
    const run = await tenant.finishedRun(critical.id);
    expect(audited!.data).toMatchObject({ auditId: run.id, action: 'compliance.corrective_action_approved', userId: decided.decidedBy });
    // The LOW violation was dispatched like any event, and its trigger filter started nothing.
    const lowInLog = await eventually(async () => {
      const logged = (await tenant.logged('compliance.violation_detected')).find((event) => event.id === low.id);
      return logged?.dispatch?.status === 'DISPATCHED' ? logged : undefined;
    });
    expect(lowInLog.runsStarted).toEqual([]);
    expect(await db().approvalTask.count({ where: { tenantId: tenant.tenantId } })).toBe(1);
  });
});
