import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { db } from '@/server/services';
import { cancelRunRoute, decideApprovalRoute, getRun, listApprovals, listRuns, retryRunRoute } from './runs';

/** A run with one step and one pending approval task, written as the worker's activities would. */
async function seedRun(tenantId: string, status: 'RUNNING' | 'COMPLETED' = 'RUNNING') {
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
      assignees: ['finance'], formFields: [{ name: 'reason', label: 'Reason', type: 'text', required: true }], dueAt: new Date(Date.now() + 86_400_000),
    },
  });
  return { run, task, workflow };
}

describe('runs API', () => {
  it('lists and shows the runs of the caller’s tenant with their steps, and nothing of another tenant', async () => {
    const a = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const b = await createTenantWithKey(['workflows:read', 'workflows:write']);
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
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read', 'workflows:write']);
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
  });
});
