import { createDatabase, type Database } from '@cascade/db';
import { createIsolatedDatabase } from '@cascade/devstack/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimDispatches, countDeadLetters, replayDeadLetters } from './dispatch-queue';

const LEASE_MS = 30_000;
let db: Database;

beforeAll(async () => {
  db = createDatabase(await createIsolatedDatabase());
});
afterAll(() => db.$disconnect());
// Each test drains the whole queue, so each starts from an empty one.
beforeEach(() => db.$executeRaw`TRUNCATE dispatches, events`);

const createTenant = async (slug: string) =>
  (await db.tenant.create({ data: { slug: `${slug}-${crypto.randomUUID()}`, name: slug } })).id;

/** Stores `count` events of a tenant with their pending dispatch rows, as ingestion does, in one statement. */
async function storePending(tenantId: string, count: number): Promise<void> {
  await db.$executeRaw`
    WITH inserted AS (
      INSERT INTO events (tenant_id, id, type, version, source, occurred_at, data)
      SELECT ${tenantId}::uuid, gen_random_uuid(), 'TICKET_CREATED', 1, 'test', now(), '{}'::jsonb
        FROM generate_series(1, ${count}::int)
      RETURNING tenant_id, id)
    INSERT INTO dispatches (tenant_id, event_id) SELECT tenant_id, id FROM inserted`;
}

const tenantsOf = (claimed: Array<{ tenantId: string }>) =>
  claimed.reduce((counts, row) => counts.set(row.tenantId, (counts.get(row.tenantId) ?? 0) + 1), new Map<string, number>());

describe('claimDispatches', () => {
  it('serves a tenant with one event in the first claim, although another has 5,000 older ones pending', async () => {
    const [flooder, quiet] = [await createTenant('flooder'), await createTenant('quiet')];
    await storePending(flooder, 5_000);
    await storePending(quiet, 1);

    const claimed = await claimDispatches(db, 500, LEASE_MS);

    expect(claimed).toHaveLength(500);
    expect(tenantsOf(claimed)).toEqual(new Map([[flooder, 499], [quiet, 1]]));
  });

  it('takes the tenants in turns, each one’s oldest first, and fills the batch from whoever has more', async () => {
    const tenants = [await createTenant('a'), await createTenant('b'), await createTenant('c')];
    await storePending(tenants[0]!, 100);
    await storePending(tenants[1]!, 3);
    await storePending(tenants[2]!, 100);

    const claimed = await claimDispatches(db, 21, LEASE_MS);

    expect(tenantsOf(claimed)).toEqual(new Map([[tenants[0], 9], [tenants[1], 3], [tenants[2], 9]]));
    const oldestOfA = await db.dispatch.findMany({ where: { tenantId: tenants[0] }, orderBy: { id: 'asc' }, take: 9 });
    expect(claimed.filter((row) => row.tenantId === tenants[0]).map((row) => row.id)).toEqual(oldestOfA.map((row) => row.id));
  });

  it('leases what it claims: a second claim takes the rest, not the same rows, and counts the attempt', async () => {
    const tenant = await createTenant('lease');
    await storePending(tenant, 30);

    const first = await claimDispatches(db, 20, LEASE_MS);
    const second = await claimDispatches(db, 20, LEASE_MS);

    expect(first).toHaveLength(20);
    expect(second).toHaveLength(10);
    expect(new Set([...first, ...second].map((row) => row.id)).size).toBe(30);
    expect(first.every((row) => row.attempts === 1)).toBe(true);
    expect(await claimDispatches(db, 20, LEASE_MS)).toEqual([]);
    // A lease that ran out (a dispatcher died holding it) is claimed again, as a further attempt.
    await db.dispatch.updateMany({ data: { nextAttemptAt: new Date(Date.now() - 1) } });
    const again = await claimDispatches(db, 50, LEASE_MS);
    expect(again).toHaveLength(30);
    expect(again.every((row) => row.attempts === 2)).toBe(true);
  });

  it('never hands a row to two dispatchers claiming at the same time', async () => {
    const tenants = [await createTenant('x'), await createTenant('y')];
    await storePending(tenants[0]!, 600);
    await storePending(tenants[1]!, 600);

    const ids: bigint[] = [];
    for (let round = 0; round < 20; round += 1) {
      const claims = await Promise.all(Array.from({ length: 4 }, () => claimDispatches(db, 300, LEASE_MS)));
      if (claims.every((claim) => claim.length === 0)) break;
      ids.push(...claims.flat().map((row) => row.id));
    }

    expect(ids).toHaveLength(1_200);
    expect(new Set(ids).size).toBe(1_200);
  });

  it('skips rows that are not due: not yet retried, or already dispatched', async () => {
    const tenant = await createTenant('due');
    await storePending(tenant, 3);
    const [backingOff, done] = await db.dispatch.findMany({ where: { tenantId: tenant }, orderBy: { id: 'asc' }, take: 2 });
    await db.dispatch.update({ where: { id: backingOff!.id }, data: { nextAttemptAt: new Date(Date.now() + 60_000) } });
    await db.dispatch.update({ where: { id: done!.id }, data: { status: 'DISPATCHED' } });

    const claimed = await claimDispatches(db, 10, LEASE_MS);

    expect(claimed).toHaveLength(1);
    expect(claimed[0]!.id).not.toBe(backingOff!.id);
    expect(claimed[0]!.id).not.toBe(done!.id);
  });
});

describe('replaying dead letters in bulk', () => {
  /** Dead-letters every event of the tenant, with an error naming its type. */
  const deadLetterAll = (tenantId: string) =>
    db.$executeRaw`UPDATE dispatches d SET status = 'DEAD', attempts = 5, last_error = 'start failed: ' || e.type
                     FROM events e WHERE e.tenant_id = d.tenant_id AND e.id = d.event_id AND d.tenant_id = ${tenantId}::uuid`;

  it('queues the matching ones of the tenant only, with fresh attempts, in bounded calls', async () => {
    const [acme, other] = [await createTenant('acme'), await createTenant('other')];
    await storePending(acme, 5);
    await storePending(other, 3);
    await db.$executeRaw`UPDATE events SET type = 'INVOICE_OVERDUE' WHERE id IN (SELECT id FROM events WHERE tenant_id = ${acme}::uuid LIMIT 2)`;
    await deadLetterAll(acme);
    await deadLetterAll(other);

    expect(await countDeadLetters(db, acme, { type: 'INVOICE_OVERDUE' })).toBe(2);
    expect(await countDeadLetters(db, acme, { errorContains: 'START FAILED: ticket' })).toBe(3);
    expect(await replayDeadLetters(db, acme, { errorContains: 'ticket_created' }, 2)).toEqual({ replayed: 2, more: true });
    expect(await replayDeadLetters(db, acme, { errorContains: 'ticket_created' }, 2)).toEqual({ replayed: 1, more: false });
    expect(await replayDeadLetters(db, acme, { errorContains: 'ticket_created' }, 2)).toEqual({ replayed: 0, more: false });

    const rows = await db.dispatch.findMany({ where: { tenantId: acme }, include: { event: { select: { type: true } } } });
    expect(rows.filter((row) => row.status === 'PENDING').map((row) => [row.event.type, row.attempts, row.lastError])).toEqual(Array(3).fill(['TICKET_CREATED', 0, null]));
    expect(rows.filter((row) => row.status === 'DEAD').map((row) => row.event.type)).toEqual(['INVOICE_OVERDUE', 'INVOICE_OVERDUE']);
    expect(await countDeadLetters(db, other, {})).toBe(3);
  });
});

