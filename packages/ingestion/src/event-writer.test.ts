import { randomUUID } from 'node:crypto';
import { createDatabase } from '@cascade/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEventWriter, eventKey, type EventRow } from './event-writer';

const db = createDatabase(inject('databaseUrl'));
let tenantId: string;

beforeAll(async () => {
  tenantId = (await db.tenant.create({ data: { slug: `writer-${randomUUID()}`, name: 'Writer' } })).id;
});
afterAll(() => db.$disconnect());

const row = (data: unknown = { ok: true }): EventRow => ({
  tenant_id: tenantId,
  id: randomUUID(),
  type: 'TICKET_SLA_STAGE_BREACHED',
  version: 1,
  source: 'test',
  occurred_at: new Date().toISOString(),
  correlation_id: null,
  causation_id: null,
  causation_depth: 0,
  actor: null,
  data,
  metadata: null,
  published_by: 'key-1',
  trace_parent: null,
});

describe('the event writer', () => {
  it('commits the other callers of a group whose commit one caller’s row fails, each alone', async () => {
    const writer = createEventWriter(db);
    // The first write goes out alone; the next three queue behind it and share one commit.
    const first = writer.write([row()]);
    const [before, bad, after] = [[row(), row()], [row(), row({ text: 'nul \u0000' })], [row()]];
    const writes = [before, bad, after].map((rows) => writer.write(rows));
    await first;
    const [beforeResult, badResult, afterResult] = await Promise.allSettled(writes);

    expect(beforeResult).toEqual({ status: 'fulfilled', value: new Set(before.map((r) => eventKey(r.tenant_id, r.id))) });
    expect(afterResult).toEqual({ status: 'fulfilled', value: new Set(after.map((r) => eventKey(r.tenant_id, r.id))) });
    expect(badResult).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining('unsupported Unicode escape sequence') } });
    const stored = await db.event.findMany({ where: { tenantId, id: { in: [...before, ...bad, ...after].map((r) => r.id) } }, include: { dispatch: true } });
    expect(stored.map((event) => event.id).sort()).toEqual([...before, ...after].map((r) => r.id).sort());
    expect(stored.every((event) => event.dispatch?.status === 'PENDING')).toBe(true);
  });

  it('still answers the same id sent by two callers of one group once as new, after a failed group', async () => {
    const writer = createEventWriter(db);
    const first = writer.write([row()]);
    const shared = row();
    const writes = [[shared], [row({ text: '\uD800' })], [{ ...shared }]].map((rows) => writer.write(rows));
    await first;
    const [a, , b] = await Promise.allSettled(writes);
    const key = eventKey(tenantId, shared.id);
    expect([a, b].map((result) => result?.status === 'fulfilled' && result.value.has(key))).toEqual([true, false]);
    expect(await db.dispatch.count({ where: { eventId: shared.id } })).toBe(1);
  });
});
