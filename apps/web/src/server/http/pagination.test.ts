import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { db } from '@/server/services';
import type { Route } from './define-route';
import { listApiKeys } from '../routes/api-keys';
import { listActions } from '../routes/actions';
import { listCatalogEvents } from '../routes/catalog';
import { listRoundtrips } from '../routes/diagnostics';
import { listEvents } from '../routes/events';
import { listApprovals } from '../routes/approvals';
import { getRun, listRunSteps, listRuns } from '../routes/runs';
import { listSecrets } from '../routes/secrets';
import { listWorkflowVersions, listWorkflows } from '../routes/workflows';

interface Page {
  items: Array<Record<string, unknown>>;
  nextCursor: string | null;
}

/** Walks a list route page by page with `limit`, checking each page holds at most `limit` items. */
async function walk(route: Route, apiKey: string, limit: number, init: { params?: Record<string, string>; query?: string } = {}) {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const query = [init.query, `limit=${limit}`, cursor ? `cursor=${encodeURIComponent(cursor)}` : ''].filter(Boolean).join('&');
    const response = await callRoute(route, { apiKey, query, params: init.params });
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    expect(page).toHaveProperty('nextCursor');
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 50);
  return { pages, items: pages.flatMap((page) => page.items) };
}

const definition = { schemaVersion: 1, name: 'Paged', nodes: [], edges: [] };

async function seedWorkflow(tenantId: string, versions: number) {
  const workflow = await db().workflow.create({ data: { tenantId, name: `Paged ${randomUUID()}`, draft: definition } });
  for (let version = 1; version <= versions; version++) {
    await db().workflowVersion.create({ data: { tenantId, workflowId: workflow.id, version, definition } });
  }
  return workflow;
}

describe('list endpoints return at most their limit and a cursor to the next page', () => {
  it('GET /api/v1/workflows/{id}/versions pages through every version, newest first, each once', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read']);
    const workflow = await seedWorkflow(tenantId, 5);
    const { pages, items } = await walk(listWorkflowVersions, apiKey, 2, { params: { id: workflow.id } });
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
    expect(items.map((item) => item.version)).toEqual([5, 4, 3, 2, 1]);
    expect(pages.at(-1)!.nextCursor).toBeNull();
  });

  it('a run answers its first steps and a cursor; GET /api/v1/runs/{id}/steps pages through the rest', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read']);
    const workflow = await seedWorkflow(tenantId, 1);
    const version = await db().workflowVersion.findFirstOrThrow({ where: { workflowId: workflow.id } });
    const run = await db().run.create({
      data: { id: randomUUID(), tenantId, workflowId: workflow.id, versionId: version.id, temporalWorkflowId: `run:${randomUUID()}`, status: 'RUNNING' },
    });
    const startedAt = Date.now();
    await db().runStep.createMany({
      data: Array.from({ length: 250 }, (_, i) => ({ runId: run.id, nodeId: 'each', key: `each[${i}]`, status: 'COMPLETED' as const, startedAt: new Date(startedAt + i) })),
    });
    const detail = await (await callRoute(getRun, { apiKey, params: { id: run.id } })).json();
    expect(detail.steps).toHaveLength(100);
    expect(detail.steps[0].key).toBe('each[0]');
    expect(detail.stepsNextCursor).toEqual(expect.any(String));
    const rest = await (await callRoute(listRunSteps, { apiKey, params: { id: run.id }, query: `cursor=${encodeURIComponent(detail.stepsNextCursor)}&limit=500` })).json();
    expect(rest.items.map((step: { key: string }) => step.key)).toEqual(Array.from({ length: 150 }, (_, i) => `each[${i + 100}]`));
    expect(rest.nextCursor).toBeNull();
    const { items } = await walk(listRunSteps, apiKey, 100, { params: { id: run.id } });
    expect(new Set(items.map((step) => step.key)).size).toBe(250);
  });

  it('workflows, API keys, secrets, events, runs, approvals, roundtrips, actions and catalog types page the same way', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['admin']);
    for (let i = 0; i < 3; i++) await seedWorkflow(tenantId, 0);
    for (let i = 0; i < 3; i++) await db().apiKey.create({ data: { tenantId, name: `k${i}`, prefix: `p${i}`, hash: randomUUID(), scopes: [] } });
    for (const name of ['a_token', 'b_token', 'c_token']) {
      await db().secret.create({ data: { tenantId, name, ciphertext: 'v1.unused' } });
    }
    const counts = async (route: Route, limit: number) => (await walk(route, apiKey, limit)).pages.map((page) => page.items.length);
    expect(await counts(listWorkflows, 2)).toEqual([2, 1]);
    expect(await counts(listApiKeys, 3)).toEqual([3, 1]); // the tenant's own key, and three more
    expect(await counts(listSecrets, 2)).toEqual([2, 1]);
    for (const route of [listEvents, listRuns, listApprovals, listRoundtrips]) expect(await counts(route, 2)).toEqual([0]);
    const actions = await walk(listActions, apiKey, 5);
    expect(new Set(actions.items.map((action) => action.id)).size).toBe(actions.items.length);
    expect(actions.pages[0]!.items).toHaveLength(5);
    const catalog = await walk(listCatalogEvents, apiKey, 100);
    expect(catalog.pages.length).toBeGreaterThan(2);
    expect(new Set(catalog.items.map((type) => type.type)).size).toBe(catalog.items.length);
  });

  it('refuses a limit above the maximum and a cursor it did not hand out, with the query path', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read']);
    const workflow = await seedWorkflow(tenantId, 1);
    const tooMany = await callRoute(listWorkflowVersions, { apiKey, params: { id: workflow.id }, query: 'limit=100000' });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).errors[0].path).toBe('/query/limit');
    const forged = await callRoute(listWorkflows, { apiKey, query: 'cursor=not-a-cursor' });
    expect(forged.status).toBe(400);
    expect((await forged.json()).errors[0].path).toBe('/query/cursor');
  });
});
