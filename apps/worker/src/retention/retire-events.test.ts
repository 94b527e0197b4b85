import { randomUUID } from 'node:crypto';
import { createDatabase, sql } from '@cascade/db';
import { INSERT_EVENTS_MARK } from '@cascade/ingestion';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readArchive, retentionFixtures } from './retention-fixtures';
import { retireEvents } from './retire-events';

const db = createDatabase(inject('databaseUrl'));
const fixtures = retentionFixtures(db);
afterAll(() => db.$disconnect());

const storedIds = async (tenantId: string) =>
  new Set((await db.event.findMany({ where: { tenantId }, select: { id: true } })).map((event) => event.id));

describe('retireEvents', () => {
  it('archives and deletes events past the window, and keeps what a running or retriable run, an unfinished dispatch or an open wait still needs', async () => {
    const tenant = await fixtures.tenant();
    const context = await fixtures.context();
    const [retired1, retired2, trigger, retriable, taken, pending, dead, awaited, recent] = Array.from({ length: 9 }, () => randomUUID());
    await fixtures.publish(tenant.publisher, [retired1!, retired2!, trigger!, retriable!, taken!, pending!, dead!, awaited!, recent!]);
    await fixtures.ageEvents(tenant.id, [retired1!, retired2!, trigger!, retriable!, taken!, dead!], 45);
    await fixtures.ageEvents(tenant.id, [awaited!], 40);
    await fixtures.ageEvents(tenant.id, [pending!], 45, false);
    await sql(db, `UPDATE dispatches SET status = 'DEAD' WHERE tenant_id = $1 AND event_id = $2`, [tenant.id, dead]);
    await fixtures.run(tenant, { status: 'RUNNING', eventId: trigger });
    await fixtures.run(tenant, { status: 'FAILED', eventId: retriable, finishedDaysAgo: 44 });
    await fixtures.run(tenant, { status: 'COMPLETED', eventId: retired1, finishedDaysAgo: 44 });
    const waiting = await fixtures.run(tenant, { status: 'RUNNING' });
    const wait = { tenantId: tenant.id, runId: waiting, temporalWorkflowId: 'w', nodeKey: 'wait', correlationKey: '"T-1"', correlationExpr: 'correlationId' };
    await db.wait.create({ data: { ...wait, id: randomUUID(), eventType: 'OTHER', expiresAt: new Date(), closedAt: new Date(), deliveredEventId: taken } });
    // Opened 40 days ago, within the buffer after `awaited` arrived (and after the others): it may still look it up.
    await db.wait.create({ data: { ...wait, id: randomUUID(), eventType: 'TICKET_SLA_STAGE_BREACHED', openedAt: new Date(Date.now() - 40 * 86_400_000 + 60_000), expiresAt: new Date() } });

    expect(await retireEvents(context, tenant.id, 30)).toEqual({ deleted: 2, full: false });

    expect(await storedIds(tenant.id)).toEqual(new Set([trigger, retriable, taken, pending, dead, awaited, recent]));
    const { files, records } = await readArchive(context.dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^${tenant.id}/\\d{4}-\\d{2}-\\d{2}/events-[0-9a-f]{16}\\.ndjson\\.gz$`));
    expect(records.map((record) => record.event!.id).sort()).toEqual([retired1, retired2].sort());
    expect(records[0]).toMatchObject({
      kind: 'event',
      event: { tenant_id: tenant.id, type: 'TICKET_SLA_STAGE_BREACHED', correlation_id: 'T-1', data: { ticketId: 'T-1' }, published_by: 'key-1' },
      dispatch: { status: 'DISPATCHED' },
    });
    expect(await db.retiredEventId.count({ where: { tenantId: tenant.id } })).toBe(2);
    expect(await retireEvents(context, tenant.id, 30)).toEqual({ deleted: 0, full: false });
  });

  it('takes one bounded batch at a time, oldest first, filed by the day each event arrived', async () => {
    const tenant = await fixtures.tenant();
    const context = await fixtures.context({ batchSize: 3 });
    const ids = Array.from({ length: 5 }, () => randomUUID());
    await fixtures.publish(tenant.publisher, ids);
    await fixtures.ageEvents(tenant.id, ids.slice(0, 2), 50);
    await fixtures.ageEvents(tenant.id, ids.slice(2), 40);

    expect(await retireEvents(context, tenant.id, 30)).toEqual({ deleted: 3, full: true });
    const left = await storedIds(tenant.id);
    expect(left.size).toBe(2);
    expect(ids.slice(2).filter((id) => left.has(id))).toHaveLength(2);
    expect((await readArchive(context.dir)).files).toHaveLength(2);
    expect(await retireEvents(context, tenant.id, 30)).toEqual({ deleted: 2, full: false });
    const { records } = await readArchive(context.dir);
    expect(records.map((record) => record.event!.id).sort()).toEqual([...ids].sort());
  });

  it('keeps an event whose dispatch was replayed after it was archived: the delete checks again', async () => {
    const tenant = await fixtures.tenant();
    const id = randomUUID();
    await fixtures.publish(tenant.publisher, [id]);
    await fixtures.ageEvents(tenant.id, [id], 40);
    const archive = (await fixtures.context()).archive;
    const replayingArchive = {
      location: archive.location,
      async put(key: string, body: Uint8Array) {
        await archive.put(key, body);
        await sql(db, `UPDATE dispatches SET status = 'PENDING' WHERE tenant_id = $1 AND event_id = $2`, [tenant.id, id]);
      },
    };
    const context = await fixtures.context({ archive: replayingArchive });
    expect(await retireEvents(context, tenant.id, 30)).toEqual({ deleted: 0, full: false });
    expect(await storedIds(tenant.id)).toEqual(new Set([id]));
  });

  it('deletes only once every event insert that started before the retired ids committed has ended', async () => {
    const tenant = await fixtures.tenant();
    const id = randomUUID();
    await fixtures.publish(tenant.publisher, [id]);
    await fixtures.ageEvents(tenant.id, [id], 40);
    // An insert in flight, on a session of its own: it checked retired ids before they committed.
    const other = createDatabase(inject('databaseUrl'));
    const order: string[] = [];
    const insert = sql(other, `${INSERT_EVENTS_MARK} SELECT pg_sleep(0.8)`, []).then(() => order.push('insert ended'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const retired = await retireEvents(await fixtures.context(), tenant.id, 30);
    order.push('event deleted');
    await insert;
    await other.$disconnect();
    expect(retired).toEqual({ deleted: 1, full: false });
    expect(order).toEqual(['insert ended', 'event deleted']);
  });
});
