import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { db } from '@/server/services';
import { createWorkflow, getWorkflow, listWorkflowVersions, listWorkflows, publishWorkflow, saveWorkflow } from './workflows';

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

const publishable = {
  schemaVersion: 1,
  name: 'Log overdue invoices',
  nodes: [
    { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE', filter: 'event.data.daysOverdue > 30' },
    { id: 'note', type: 'action', action: 'core.log', input: { message: { $expr: '"overdue: " & event.data.invoiceId' } } },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'note' },
    { id: 'e2', from: 'note', to: 'done' },
  ],
};

describe('publishing', () => {
  it('publishes valid drafts as immutable, numbered versions and derives the trigger', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const { id } = await (await callRoute(createWorkflow, { apiKey, body: { name: 'Overdue', definition: publishable } })).json();
    const first = await callRoute(publishWorkflow, { apiKey, params: { id } });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ version: 1, definition: publishable });
    expect(await db().trigger.findUniqueOrThrow({ where: { workflowId: id } })).toMatchObject({
      tenantId,
      eventType: 'INVOICE_OVERDUE',
      filter: 'event.data.daysOverdue > 30',
      enabled: true,
    });

    await callRoute(saveWorkflow, { apiKey, params: { id }, body: { definition: { ...publishable, name: 'v2' } } });
    expect((await (await callRoute(publishWorkflow, { apiKey, params: { id } })).json()).version).toBe(2);
    const versions = await (await callRoute(listWorkflowVersions, { apiKey, params: { id } })).json();
    expect(versions.items.map((v: { version: number; definition: { name: string } }) => [v.version, v.definition.name])).toEqual([
      [2, 'v2'],
      [1, 'Log overdue invoices'],
    ]);
  });

  it('refuses an invalid draft with 422 and every problem addressed by node and field, publishing nothing', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const broken = {
      ...publishable,
      nodes: [
        { id: 'start', type: 'trigger', event: 'INVOICE_EATEN' },
        { id: 'note', type: 'action', action: 'core.log', input: { message: { $expr: 'event.data.(' } } },
        { id: 'done', type: 'end' },
      ],
    };
    const { id } = await (await callRoute(createWorkflow, { apiKey, body: { name: 'Broken', definition: broken } })).json();
    const response = await callRoute(publishWorkflow, { apiKey, params: { id } });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ nodeId: 'start', field: 'event', code: 'unknown-event', path: '/nodes/start/event' }),
        expect.objectContaining({ nodeId: 'note', field: 'input.message', code: 'expression-syntax' }),
      ]),
    );
    expect((await (await callRoute(listWorkflowVersions, { apiKey, params: { id } })).json()).items).toEqual([]);
  });
});
