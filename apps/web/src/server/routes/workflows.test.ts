import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { createWorkflow, getWorkflow, listWorkflowVersions, listWorkflows, saveWorkflow } from './workflows';

const draft = { schemaVersion: 1, name: 'Escalate breaches', nodes: [], edges: [] };

describe('workflow drafts', () => {
  it('creates, reads, saves and lists a workflow of the caller’s tenant', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const created = await callRoute(createWorkflow, { apiKey, body: { name: 'Escalate breaches', definition: draft } });
    expect(created.status).toBe(201);
    const { id } = await created.json();

    const saved = await callRoute(saveWorkflow, { apiKey, params: { id }, body: { description: 'Pages the on-call lead', definition: { ...draft, nodes: [{ id: 'n1' }] } } });
    expect(saved.status).toBe(200);
    const read = await (await callRoute(getWorkflow, { apiKey, params: { id } })).json();
    expect(read).toMatchObject({ name: 'Escalate breaches', description: 'Pages the on-call lead', enabled: true, latestVersion: null, draft: { nodes: [{ id: 'n1' }] } });
    expect((await (await callRoute(listWorkflows, { apiKey })).json()).items.map((w: { id: string }) => w.id)).toEqual([id]);
    expect((await (await callRoute(listWorkflowVersions, { apiKey, params: { id } })).json()).items).toEqual([]);
  });

  it('answers 409 for a taken name and 404 across tenants', async () => {
    const a = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const b = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const { id } = await (await callRoute(createWorkflow, { apiKey: a.apiKey, body: { name: 'Same', definition: draft } })).json();
    expect((await callRoute(createWorkflow, { apiKey: a.apiKey, body: { name: 'Same', definition: draft } })).status).toBe(409);
    expect((await callRoute(createWorkflow, { apiKey: b.apiKey, body: { name: 'Same', definition: draft } })).status).toBe(201);
    expect((await callRoute(getWorkflow, { apiKey: b.apiKey, params: { id } })).status).toBe(404);
    expect((await callRoute(saveWorkflow, { apiKey: b.apiKey, params: { id }, body: { enabled: false } })).status).toBe(404);
  });
});
