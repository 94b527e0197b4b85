import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { listRuns } from './routes/runs';
import { listWorkflowVersions } from './routes/workflows';
import { runCountsOfVersions } from './run-store';
import { db } from './services';

const MINUTE = 60_000;

async function seedVersions(tenantId: string, count: number) {
  const definition = { schemaVersion: 1, name: 'Counted', nodes: [], edges: [] };
  const workflow = await db().workflow.create({ data: { tenantId, name: `Counted ${randomUUID()}`, draft: definition } });
  const versions = [];
  for (let version = 1; version <= count; version += 1) {
    versions.push(await db().workflowVersion.create({ data: { tenantId, workflowId: workflow.id, version, definition } }));
  }
  return { workflow, versions };
}

async function seedRun(tenantId: string, version: { id: string; workflowId: string }, options: { status?: 'RUNNING' | 'COMPLETED' | 'FAILED'; startedAt?: Date; eventId?: string } = {}) {
  return db().run.create({
    data: {
      id: randomUUID(), tenantId, workflowId: version.workflowId, versionId: version.id, temporalWorkflowId: `run:${randomUUID()}`,
      status: options.status ?? 'RUNNING', startedAt: options.startedAt ?? new Date(), eventId: options.eventId ?? null,
      ...(options.status && options.status !== 'RUNNING' ? { finishedAt: new Date() } : {}),
    },
  });
}

describe('version run counts', () => {
  it('counts each version’s runs by status, so a publish shows what stays in flight on older versions', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read']);
    const { workflow, versions } = await seedVersions(tenantId, 2);
    await seedRun(tenantId, versions[0]!);
    await seedRun(tenantId, versions[0]!);
    await seedRun(tenantId, versions[0]!, { status: 'FAILED' });
    await seedRun(tenantId, versions[1]!, { status: 'COMPLETED' });

    const body = await (await callRoute(listWorkflowVersions, { apiKey, params: { id: workflow.id } })).json();
    expect(body.items.map((v: { version: number; runs: unknown }) => [v.version, v.runs])).toEqual([
      [2, { running: 0, completed: 1, failed: 0, cancelled: 0 }],
      [1, { running: 2, completed: 0, failed: 1, cancelled: 0 }],
    ]);
    expect(await runCountsOfVersions([])).toEqual(new Map());
  });
});

describe('runs list filters and cursor pages', () => {
  it('filters by correlation id, time range and status, and pages oldest first without repeating a run', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read']);
    const other = await createTenantWithKey(['workflows:read']);
    const { versions } = await seedVersions(tenantId, 1);
    const correlationId = `order-${randomUUID()}`;
    const eventId = randomUUID();
    await db().event.create({ data: { tenantId, id: eventId, type: 'test.happened', version: 1, source: 'test', occurredAt: new Date(), correlationId, data: {} } });
    // The same correlation id in another tenant leads to none of its runs.
    await db().event.create({ data: { tenantId: other.tenantId, id: randomUUID(), type: 'test.happened', version: 1, source: 'test', occurredAt: new Date(), correlationId, data: {} } });
    const now = Date.now();
    const runs = [];
    for (let i = 0; i < 5; i += 1) runs.push(await seedRun(tenantId, versions[0]!, { startedAt: new Date(now - (10 - i) * MINUTE), status: i === 4 ? 'FAILED' : 'COMPLETED', ...(i < 2 ? { eventId } : {}) }));

    const list = async (query: string, key = apiKey) => {
      const response = await callRoute(listRuns, { apiKey: key, query });
      expect(response.status).toBe(200);
      return (await response.json()) as { items: Array<{ id: string }>; nextCursor: string | null };
    };
    expect((await list(`correlationId=${correlationId}`)).items.map((r) => r.id)).toEqual([runs[1]!.id, runs[0]!.id]);
    expect((await list(`correlationId=${correlationId}`, other.apiKey)).items).toEqual([]);
    const from = new Date(now - 8.5 * MINUTE).toISOString();
    const to = new Date(now - 6.5 * MINUTE).toISOString();
    expect((await list(`from=${from}&to=${to}`)).items.map((r) => r.id)).toEqual([runs[3]!.id, runs[2]!.id]);
    expect((await list('status=FAILED')).items.map((r) => r.id)).toEqual([runs[4]!.id]);

    const first = await list('order=asc&limit=2');
    const second = await list(`order=asc&limit=2&cursor=${first.nextCursor}`);
    const third = await list(`order=asc&limit=2&cursor=${second.nextCursor}`);
    expect([...first.items, ...second.items, ...third.items].map((r) => r.id)).toEqual(runs.map((r) => r.id));
    expect(third.nextCursor).toBeNull();
  });

  it('answers a bad filter with 400 and the field it concerns', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read']);
    for (const [query, path] of [['order=sideways', '/query/order'], ['from=yesterday', '/query/from'], ['cursor=nonsense', '/query/cursor'], [`correlationId=${'x'.repeat(201)}`, '/query/correlationId']]) {
      const response = await callRoute(listRuns, { apiKey, query: query! });
      expect(response.status, query).toBe(400);
      expect((await response.json()).errors).toEqual([expect.objectContaining({ path })]);
    }
  });
});
