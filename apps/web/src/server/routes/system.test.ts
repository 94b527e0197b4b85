import { describe, expect, it } from 'vitest';
import { callRoute } from '@/test/api';
import { db } from '@/server/services';
import { health, readiness } from './system';

describe('health and readiness', () => {
  it('liveness answers without touching dependencies', async () => {
    const response = await callRoute(health);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('readiness is 503 naming the worker while no worker heartbeat is recent, 200 once one is', async () => {
    await db().workerHeartbeat.deleteMany({});
    const down = await callRoute(readiness);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      status: 'unavailable',
      down: ['worker'],
      checks: { database: { ok: true }, temporal: { ok: true }, worker: { ok: false, error: 'no worker has ever reported' } },
    });

    const stale = new Date(Date.now() - 60_000);
    await db().workerHeartbeat.create({ data: { workerId: 'w-test', taskQueue: 'q', startedAt: stale, lastSeenAt: stale } });
    const staleResponse = await callRoute(readiness);
    expect(staleResponse.status).toBe(503);
    expect((await staleResponse.json()).checks.worker.error).toMatch(/^no worker heartbeat for 6\ds$/);

    await db().workerHeartbeat.update({ where: { workerId: 'w-test' }, data: { lastSeenAt: new Date() } });
    const up = await callRoute(readiness);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ status: 'ready', down: [] });
    await db().workerHeartbeat.delete({ where: { workerId: 'w-test' } });
  });
});
