import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { listEvents } from './routes/events';
import { db } from './services';

describe('event log order and cursor pages', () => {
  it('pages oldest first by cursor without repeating an event, within a time range', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read']);
    const now = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const id = randomUUID();
      const at = new Date(now - (10 - i) * 60_000);
      await db().event.create({ data: { tenantId, id, type: 'test.happened', version: 1, source: 'test', occurredAt: at, receivedAt: at, data: {} } });
      ids.push(id);
    }
    const list = async (query: string) => (await (await callRoute(listEvents, { apiKey, query })).json()) as { items: Array<{ id: string }>; nextCursor: string | null };
    const first = await list('order=asc&limit=3');
    const second = await list(`order=asc&limit=3&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(ids);
    expect(second.nextCursor).toBeNull();
    const from = new Date(now - 7.5 * 60_000).toISOString();
    expect((await list(`from=${from}`)).items.map((e) => e.id)).toEqual([ids[4], ids[3]]);
    const refused = await callRoute(listEvents, { apiKey, query: 'order=newest' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual([expect.objectContaining({ path: '/query/order' })]);
  });
});
