import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { db } from '@/server/services';
import { deleteWorkflow } from './workflow-delete';
import { createWorkflow, getWorkflow } from './workflows';

const draft = { schemaVersion: 1, name: 'Escalate breaches', nodes: [], edges: [] };

/** A published version with one run of `status`, as the worker's activities would write it. */
async function withRun(tenantId: string, workflowId: string, status: 'RUNNING' | 'COMPLETED') {
  const version = await db().workflowVersion.create({ data: { tenantId, workflowId, version: 1, definition: draft } });
  await db().trigger.create({ data: { tenantId, workflowId, versionId: version.id, eventType: 'TICKET_CREATED' } });
  return db().run.create({ data: { id: randomUUID(), tenantId, workflowId, versionId: version.id, temporalWorkflowId: `run:${randomUUID()}`, status } });
}

describe('deleting a workflow', () => {
  it('removes it with its versions, trigger and finished runs', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const { id } = await (await callRoute(createWorkflow, { apiKey, body: { name: 'Done with', definition: draft } })).json();
    const run = await withRun(tenantId, id, 'COMPLETED');

    const deleted = await callRoute(deleteWorkflow, { apiKey, params: { id } });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toMatchObject({ id, name: 'Done with' });
    expect((await callRoute(getWorkflow, { apiKey, params: { id } })).status).toBe(404);
    expect(await db().run.findUnique({ where: { id: run.id } })).toBeNull();
    expect(await db().workflowVersion.count({ where: { workflowId: id } })).toBe(0);
  });

  it('refuses with 409 while a run is running, and keeps everything', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const { id } = await (await callRoute(createWorkflow, { apiKey, body: { name: 'Busy', definition: draft } })).json();
    await withRun(tenantId, id, 'RUNNING');

    const refused = await callRoute(deleteWorkflow, { apiKey, params: { id } });
    expect(refused.status).toBe(409);
    expect((await refused.json()).detail).toMatch(/1 running run/);
    expect((await callRoute(getWorkflow, { apiKey, params: { id } })).status).toBe(200);
    expect(await db().trigger.count({ where: { workflowId: id } })).toBe(1);
  });

  it('answers 404 for another tenant’s workflow and 400 for an id that is not one', async () => {
    const a = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const b = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const { id } = await (await callRoute(createWorkflow, { apiKey: a.apiKey, body: { name: 'Mine', definition: draft } })).json();
    expect((await callRoute(deleteWorkflow, { apiKey: b.apiKey, params: { id } })).status).toBe(404);
    expect((await callRoute(getWorkflow, { apiKey: a.apiKey, params: { id } })).status).toBe(200);
    const bad = await callRoute(deleteWorkflow, { apiKey: a.apiKey, params: { id: 'not-a-uuid' } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0]).toMatchObject({ path: expect.stringContaining('id') });
  });

  it('needs the workflows:write scope', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read']);
    expect((await callRoute(deleteWorkflow, { apiKey, params: { id: randomUUID() } })).status).toBe(403);
  });
});
