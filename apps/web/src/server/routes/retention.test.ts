import { describe, expect, it } from 'vitest';
import { db } from '@/server/services';
import { callRoute, createApiKey, createSignedInUser, createTenantWithKey } from '@/test/api';
import { getRetention, putRetention } from './retention';

describe('retention settings API', () => {
  it('keeps everything for ever until an admin sets windows, then answers and audits them', async () => {
    const { tenantId, apiKey } = await createTenantWithKey(['admin']);
    expect(await (await callRoute(getRetention, { apiKey })).json()).toEqual({ eventLogDays: null, runHistoryDays: null, updatedAt: null });

    const put = await callRoute(putRetention, { apiKey, body: { eventLogDays: 30, runHistoryDays: 90 } });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ eventLogDays: 30, runHistoryDays: 90, updatedAt: expect.any(String) });
    await callRoute(putRetention, { apiKey, body: { eventLogDays: null, runHistoryDays: 365 } });
    expect(await (await callRoute(getRetention, { apiKey })).json()).toMatchObject({ eventLogDays: null, runHistoryDays: 365 });
    expect(await db().tenantRetention.findUniqueOrThrow({ where: { tenantId } })).toMatchObject({ eventLogDays: null, runHistoryDays: 365 });

    const trail = await db().auditEntry.findMany({ where: { tenantId, action: 'putRetention' }, orderBy: { seq: 'asc' } });
    expect(trail.map((entry) => [entry.target, entry.summary])).toEqual([
      ['/api/v1/settings/retention', { eventLogDays: 30, runHistoryDays: 90 }],
      ['/api/v1/settings/retention', { eventLogDays: null, runHistoryDays: 365 }],
    ]);
  });

  it('refuses windows that are not whole days from 1 to 36500 or null, with the path of each, and changes nothing', async () => {
    const { tenantId, apiKey } = await createTenantWithKey(['admin']);
    const cases: Array<[unknown, string[]]> = [
      [{ eventLogDays: 0, runHistoryDays: null }, ['/body/eventLogDays']],
      [{ eventLogDays: -5, runHistoryDays: 1.5 }, ['/body/eventLogDays', '/body/runHistoryDays']],
      [{ eventLogDays: '30', runHistoryDays: 36_501 }, ['/body/eventLogDays', '/body/runHistoryDays']],
      [{ eventLogDays: 1e308, runHistoryDays: null }, ['/body/eventLogDays']],
      [{ eventLogDays: 30 }, ['/body/runHistoryDays']],
      [{ eventLogDays: 30, runHistoryDays: 30, dedupeDays: 1 }, ['/body']],
      [[30, 30], ['/body']],
    ];
    for (const [body, paths] of cases) {
      const response = await callRoute(putRetention, { apiKey, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      const errors: Array<{ path: string }> = (await response.json()).errors;
      expect([...new Set(errors.map((error) => error.path))], JSON.stringify(body)).toEqual(paths);
    }
    expect(await db().tenantRetention.count({ where: { tenantId } })).toBe(0);
  });

  it('is an admin’s: editor and viewer users and keys without the admin scope are refused', async () => {
    const { tenantId, apiKey: adminKey } = await createTenantWithKey(['admin']);
    const publisherKey = await createApiKey(tenantId, ['events:publish', 'workflows:write']);
    const body = { eventLogDays: 1, runHistoryDays: 1 };
    expect((await callRoute(putRetention, { apiKey: publisherKey, body })).status).toBe(403);
    expect((await callRoute(getRetention, { apiKey: publisherKey })).status).toBe(403);
    for (const role of ['EDITOR', 'VIEWER'] as const) {
      const { cookie } = await createSignedInUser(tenantId, role);
      expect((await callRoute(putRetention, { headers: { cookie }, body })).status, role).toBe(403);
    }
    const { cookie } = await createSignedInUser(tenantId, 'ADMIN');
    expect((await callRoute(putRetention, { headers: { cookie }, body })).status).toBe(200);
    expect(await (await callRoute(getRetention, { apiKey: adminKey })).json()).toMatchObject(body);
  });
});
