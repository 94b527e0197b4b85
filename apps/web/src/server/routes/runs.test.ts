import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { callRoute, createApiKey, createSignedInUser, createTenantWithKey } from '@/test/api';
import { db, temporal } from '@/server/services';
import { decideApprovalRoute, listApprovals } from './approvals';
import { cancelRunRoute, getRun, listRuns, retryRunRoute } from './runs';

/** A run with one step and one pending approval task, written as the worker's activities would. */
async function seedRun(tenantId: string, status: 'RUNNING' | 'COMPLETED' = 'RUNNING', assignees = ['finance']) {
  const definition = { schemaVersion: 1, name: 'Seeded', nodes: [], edges: [] };
  const workflow = await db().workflow.create({ data: { tenantId, name: `Seeded ${randomUUID()}`, draft: definition } });
  const version = await db().workflowVersion.create({ data: { tenantId, workflowId: workflow.id, version: 1, definition } });
  const run = await db().run.create({
    data: { id: randomUUID(), tenantId, workflowId: workflow.id, versionId: version.id, temporalWorkflowId: `run:${randomUUID()}`, status },
  });
  await db().runStep.create({ data: { runId: run.id, nodeId: 'start', key: 'start', status: 'COMPLETED', output: { eventId: 'e' }, startedAt: new Date() } });
  const task = await db().approvalTask.create({
    data: {
      id: randomUUID(), tenantId, runId: run.id, temporalWorkflowId: run.temporalWorkflowId, nodeKey: 'ask', title: 'Write off?',
      assignees, formFields: [{ name: 'reason', label: 'Reason', type: 'text', required: true }], dueAt: new Date(Date.now() + 86_400_000),
    },
  });
  return { run, task, workflow };
}

/** Workflow ids of the Temporal executions started to receive decisions, terminated at the end. */
const waiting: string[] = [];
afterAll(async () => {
  const client = await temporal();
  await Promise.all(waiting.map((id) => client.workflow.getHandle(id).terminate('test over').catch(() => undefined)));
});

/** A pending task whose run exists in Temporal (no worker runs it), so a decision can be signalled to it. */
async function waitingTask(tenantId: string, assignees: string[]) {
  const { task, run } = await seedRun(tenantId, 'RUNNING', assignees);
  await (await temporal()).workflow.start('interpreter', { taskQueue: `nobody-${randomUUID()}`, workflowId: run.temporalWorkflowId });
  waiting.push(run.temporalWorkflowId);
  return task;
}

const approve = { outcome: 'approved', data: { reason: 'within budget' } };

/** The tenant's audit trail, oldest first: what was done to what, by whom, and a withdrawal's reason. */
async function trailOf(tenantId: string) {
  const entries = await db().auditEntry.findMany({ where: { tenantId }, orderBy: { seq: 'asc' } });
  return entries.map(({ action, actorType, target, summary }) => ({ action, actorType, target, ...(actorType === 'system' ? { summary } : {}) }));
}

describe('runs API', () => {
  it('lists and shows the runs of the caller’s tenant with their steps, and nothing of another tenant', async () => {
    const a = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const b = await createTenantWithKey(['workflows:read', 'workflows:write', 'approvals:decide']);
    const { run, workflow } = await seedRun(a.tenantId);

    const list = await (await callRoute(listRuns, { apiKey: a.apiKey, query: `workflowId=${workflow.id}` })).json();
    expect(list.items).toEqual([expect.objectContaining({ id: run.id, workflowName: workflow.name, version: 1, status: 'RUNNING' })]);
    const detail = await (await callRoute(getRun, { apiKey: a.apiKey, params: { id: run.id } })).json();
    expect(detail.steps).toEqual([expect.objectContaining({ key: 'start', status: 'COMPLETED', output: { eventId: 'e' } })]);
    expect(detail.approvalTasks).toEqual([expect.objectContaining({ title: 'Write off?', status: 'PENDING' })]);

    expect((await (await callRoute(listRuns, { apiKey: b.apiKey })).json()).items).toEqual([]);
    expect((await callRoute(getRun, { apiKey: b.apiKey, params: { id: run.id } })).status).toBe(404);
    expect((await callRoute(cancelRunRoute, { apiKey: b.apiKey, params: { id: run.id } })).status).toBe(404);
    expect((await (await callRoute(listApprovals, { apiKey: b.apiKey })).json()).items).toEqual([]);
    expect((await callRoute(decideApprovalRoute, { apiKey: b.apiKey, params: { id: randomUUID() }, body: { outcome: 'rejected' } })).status).toBe(404);
  });

  it('refuses to cancel a finished run or retry one that has not failed', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const { run } = await seedRun(tenantId, 'COMPLETED');
    const cancel = await callRoute(cancelRunRoute, { apiKey, params: { id: run.id } });
    expect(cancel.status).toBe(409);
    expect((await cancel.json()).detail).toMatch(/this one is COMPLETED/);
    expect((await callRoute(retryRunRoute, { apiKey, params: { id: run.id } })).status).toBe(409);
    expect((await callRoute(getRun, { apiKey, params: { id: 'not-a-uuid' } })).status).toBe(400);
  });

  it('checks a decision against the task’s form, and keeps the task pending when no run waits for it', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read', 'approvals:decide']);
    const { task } = await seedRun(tenantId);
    const missing = await callRoute(decideApprovalRoute, { apiKey, params: { id: task.id }, body: { outcome: 'approved', data: {} } });
    expect(missing.status).toBe(422);
    expect((await missing.json()).errors).toEqual([expect.objectContaining({ path: '/body/data/reason' })]);
    const wrongType = await callRoute(decideApprovalRoute, { apiKey, params: { id: task.id }, body: { outcome: 'approved', data: { reason: 5 } } });
    expect(wrongType.status).toBe(422);

    const nul = await callRoute(decideApprovalRoute, { apiKey, params: { id: task.id }, body: { outcome: 'approved', data: { reason: 'ok\u0000' }, comment: '\uD800' } });
    expect(nul.status).toBe(400);
    expect((await nul.json()).errors.map((error: { path: string }) => error.path)).toEqual(['/body/data/reason', '/body/comment']);

    // The seeded run does not exist in Temporal: the decision cannot reach it and is not recorded.
    const orphan = await callRoute(decideApprovalRoute, { apiKey, params: { id: task.id }, body: { outcome: 'approved', data: { reason: 'ok' } } });
    expect(orphan.status).toBe(409);
    expect((await db().approvalTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('PENDING');
    // The decision was audited with its record; the trail then says it was withdrawn, and why.
    expect(await trailOf(tenantId)).toEqual([
      { action: 'decideApproval', actorType: 'apiKey', target: `/api/v1/approvals/${task.id}/decision` },
      { action: 'approvalDecisionWithdrawn', actorType: 'system', target: `/api/v1/approvals/${task.id}/decision`, summary: { reason: 'the run waiting for this task has ended' } },
    ]);
  });

  it('takes a decision from an assignee (by user id, email or role) or an admin, and refuses any other user with 403', async () => {
    const { tenantId } = await createTenantWithKey(['workflows:read']);
    const assignee = await createSignedInUser(tenantId, 'VIEWER');
    const task = await waitingTask(tenantId, ['finance-managers', assignee.user.id]);
    const decide = async (cookie: string, id = task.id) => callRoute(decideApprovalRoute, { headers: { cookie }, params: { id }, body: approve });

    const outsider = await decide((await createSignedInUser(tenantId, 'EDITOR')).cookie);
    expect(outsider.status).toBe(403);
    expect(await outsider.json()).toMatchObject({
      title: 'Forbidden',
      detail: `Only the task’s assignees (finance-managers, ${assignee.user.id}) or an admin may decide it; you are neither`,
    });
    expect((await db().approvalTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('PENDING');

    const byAssignee = await decide(assignee.cookie);
    expect(byAssignee.status).toBe(200);
    expect(await byAssignee.json()).toMatchObject({ status: 'APPROVED', decidedBy: assignee.user.id });

    const admin = await createSignedInUser(tenantId, 'ADMIN');
    const forOthers = await waitingTask(tenantId, ['cfo']);
    const byAdmin = await decide(admin.cookie, forOthers.id);
    expect(byAdmin.status).toBe(200);
    expect(await byAdmin.json()).toMatchObject({ status: 'APPROVED', decidedBy: admin.user.id });

    const byRole = await waitingTask(tenantId, ['Editors']);
    expect((await decide((await createSignedInUser(tenantId, 'VIEWER')).cookie, byRole.id)).status).toBe(403);
    expect((await decide((await createSignedInUser(tenantId, 'EDITOR')).cookie, byRole.id)).status).toBe(200);
    const mailed = await createSignedInUser(tenantId, 'EDITOR');
    const byEmail = await waitingTask(tenantId, [mailed.user.email.toUpperCase()]);
    expect((await decide(mailed.cookie, byEmail.id)).status).toBe(200);
  });

  it('takes a decision from an API key only with the approvals:decide scope', async () => {
    const { tenantId, apiKey: writer } = await createTenantWithKey(['workflows:read', 'workflows:write', 'templates:write', 'events:publish']);
    const task = await waitingTask(tenantId, ['finance']);
    const refused = await callRoute(decideApprovalRoute, { apiKey: writer, params: { id: task.id }, body: approve });
    expect(refused.status).toBe(403);
    expect((await refused.json()).detail).toBe('This API key lacks the scope "approvals:decide"');
    expect((await db().approvalTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('PENDING');

    const decider = await createApiKey(tenantId, ['approvals:decide']);
    const decided = await callRoute(decideApprovalRoute, { apiKey: decider, params: { id: task.id }, body: approve });
    expect(decided.status).toBe(200);
    expect(await decided.json()).toMatchObject({ status: 'APPROVED', decision: { data: { reason: 'within budget' } } });
    expect(await trailOf(tenantId)).toEqual([{ action: 'decideApproval', actorType: 'apiKey', target: `/api/v1/approvals/${task.id}/decision` }]);
  });
});
