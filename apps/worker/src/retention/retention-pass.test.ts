import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createDatabase, sql } from '@cascade/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readArchive, retentionFixtures } from './retention-fixtures';
import { runRetentionPass, startRetention } from './retention-pass';

const db = createDatabase(inject('databaseUrl'));
const fixtures = retentionFixtures(db);
afterAll(() => db.$disconnect());

const eventCount = (tenantId: string) => db.event.count({ where: { tenantId } });
const aged = async (tenant: Awaited<ReturnType<typeof fixtures.tenant>>, count: number, days: number) => {
  const ids = Array.from({ length: count }, () => randomUUID());
  await fixtures.publish(tenant.publisher, ids);
  await fixtures.ageEvents(tenant.id, ids, days);
  return ids;
};

/** Makes every delete of the tenant's events fail, as a crash after the archive was written would leave it. */
async function failingDeletes(tenantId: string) {
  const name = `retention_test_${tenantId.replaceAll('-', '')}`;
  await sql(db, `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'crashed before the delete'; END $$`, []);
  await sql(db, `CREATE TRIGGER ${name} BEFORE DELETE ON events FOR EACH ROW WHEN (OLD.tenant_id = '${tenantId}') EXECUTE FUNCTION ${name}()`, []);
  return async () => {
    await sql(db, `DROP TRIGGER ${name} ON events`, []);
    await sql(db, `DROP FUNCTION ${name}()`, []);
  };
}

describe('a retention pass', () => {
  it('archives and deletes only the tenant whose window passed; another tenant’s equally old data is untouched', async () => {
    const keeping = await fixtures.tenant({ eventLogDays: 30, runHistoryDays: 30 });
    const forever = await fixtures.tenant();
    const longer = await fixtures.tenant({ eventLogDays: 365, runHistoryDays: null });
    const context = await fixtures.context();
    for (const tenant of [keeping, forever, longer]) {
      await aged(tenant, 3, 60);
      await fixtures.run(tenant, { status: 'COMPLETED', finishedDaysAgo: 60 });
    }

    await runRetentionPass(context);

    expect(await eventCount(keeping.id)).toBe(0);
    expect(await db.run.count({ where: { tenantId: keeping.id } })).toBe(0);
    for (const tenant of [forever, longer]) {
      expect(await eventCount(tenant.id)).toBe(3);
      expect(await db.run.count({ where: { tenantId: tenant.id } })).toBe(1);
    }
    const { files, records } = await readArchive(context.dir);
    expect(files.every((file) => file.startsWith(`${keeping.id}/`))).toBe(true);
    expect(records.filter((record) => record.kind === 'event')).toHaveLength(3);
    expect(records.filter((record) => record.kind === 'run')).toHaveLength(1);
  });

  it('answers a re-sent id of an archived and deleted event as a duplicate, so it starts nothing', async () => {
    const tenant = await fixtures.tenant({ eventLogDays: 7, runHistoryDays: null });
    const [id] = await aged(tenant, 1, 8);
    await runRetentionPass(await fixtures.context());
    expect(await eventCount(tenant.id)).toBe(0);

    expect(await fixtures.publish(tenant.publisher, [id!])).toEqual([{ index: 0, id, duplicate: true }]);
    expect(await eventCount(tenant.id)).toBe(0);
    expect(await db.dispatch.count({ where: { tenantId: tenant.id } })).toBe(0);
  });

  it('forgets retired ids past the dedupe horizon, and only those', async () => {
    const tenant = await fixtures.tenant();
    const [expired, kept] = [randomUUID(), randomUUID()];
    await db.retiredEventId.createMany({
      data: [
        { tenantId: tenant.id, id: expired!, receivedOn: new Date(Date.now() - 500 * 86_400_000) },
        { tenantId: tenant.id, id: kept!, receivedOn: new Date(Date.now() - 300 * 86_400_000) },
      ],
    });
    await runRetentionPass(await fixtures.context({ dedupeDays: 400 }));
    expect((await fixtures.publish(tenant.publisher, [expired!, kept!])).map((accepted) => accepted.duplicate)).toEqual([false, true]);
  });

  it('loses nothing and archives nothing twice when the delete fails after the archive was written', async () => {
    const tenant = await fixtures.tenant({ eventLogDays: 30, runHistoryDays: null });
    const ids = await aged(tenant, 4, 40);
    const context = await fixtures.context();
    const restore = await failingDeletes(tenant.id);
    try {
      await runRetentionPass(context);
    } finally {
      await restore();
    }
    // Passes take every tenant's due data; this test reads its own tenant's files.
    const afterCrash = await readArchive(join(context.dir, tenant.id));
    expect(afterCrash.records).toHaveLength(4);
    expect(await eventCount(tenant.id)).toBe(4);

    await runRetentionPass(context);
    expect(await eventCount(tenant.id)).toBe(0);
    const { files, records } = await readArchive(join(context.dir, tenant.id));
    expect(files).toEqual(afterCrash.files);
    expect(records.map((record) => record.event!.id).sort()).toEqual([...ids].sort());
  });

  it('gives every tenant a batch each pass, so one tenant’s backlog does not hold another’s back', async () => {
    const backlog = await fixtures.tenant({ eventLogDays: 1, runHistoryDays: null });
    const small = await fixtures.tenant({ eventLogDays: 1, runHistoryDays: null });
    await aged(backlog, 60, 2);
    await aged(small, 3, 2);
    const result = await runRetentionPass(await fixtures.context({ batchSize: 10 }));
    expect(result.more).toBe(true);
    expect(await eventCount(backlog.id)).toBe(50);
    expect(await eventCount(small.id)).toBe(0);
  });

  it('works a 10,000-event backlog off in short passes of one batch each, not in one long delete', async () => {
    const tenant = await fixtures.tenant({ eventLogDays: 1, runHistoryDays: null });
    for (let published = 0; published < 10_000; published += 1_000) await aged(tenant, 1_000, 2);
    const context = await fixtures.context({ batchSize: 500 });
    const passes: number[] = [];
    while ((await eventCount(tenant.id)) > 0) {
      const started = performance.now();
      await runRetentionPass(context);
      passes.push(performance.now() - started);
    }
    const { records } = await readArchive(join(context.dir, tenant.id));
    expect(records).toHaveLength(10_000);
    expect(new Set(records.map((record) => record.event!.id)).size).toBe(10_000);
    expect(passes.length).toBeGreaterThanOrEqual(20);
    const sorted = [...passes].sort((a, b) => a - b);
    console.log(
      `[retention] 10,000 events in ${passes.length} passes of 500: pass p50 ${sorted[passes.length >> 1]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms, total ${passes.reduce((a, b) => a + b, 0).toFixed(0)} ms`,
    );
    // Generous: a pass holds one batch, where all 10,000 at once would hold every lock for the whole delete.
    expect(sorted.at(-1)).toBeLessThan(10_000);
  });

  it('runs passes in the background until stopped, again soon while a backlog is left', async () => {
    const tenant = await fixtures.tenant({ eventLogDays: 1, runHistoryDays: 1 });
    await aged(tenant, 25, 3);
    const retention = startRetention({ ...(await fixtures.context({ batchSize: 10 })), intervalMs: 60_000, backlogPauseMs: 10 });
    try {
      await expect.poll(() => eventCount(tenant.id), { timeout: 20_000 }).toBe(0);
    } finally {
      await retention.stop();
    }
  });
});
