import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../index';
import { appendAuditEntry, type AuditRecord } from './audit-chain';
import { verifyAuditChain } from './verify-audit-chain';

const db = createDatabase(inject('databaseUrl'));
afterAll(() => db.$disconnect());

async function tenantWithEntries(count: number) {
  const tenant = await db.tenant.create({ data: { slug: `audit-${randomUUID()}`, name: 'Audit test' } });
  const entries = [];
  for (let index = 0; index < count; index += 1) entries.push(await appendAuditEntry(db, record(tenant.id, index)));
  return { tenantId: tenant.id, entries };
}

const record = (tenantId: string, index: number): AuditRecord => ({
  tenantId,
  actor: { type: 'apiKey', id: randomUUID() },
  action: 'createApiKey',
  target: `/api/v1/api-keys/${index}`,
  summary: { name: `key ${index}`, scopes: ['admin'], nested: { z: 1, a: [1.5, 'x', null] } },
});

describe('the audit chain', () => {
  it('numbers entries from 1 and links each to the hash of the one before; an untouched chain verifies', async () => {
    const { tenantId, entries } = await tenantWithEntries(4);
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4]);
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    expect(await verifyAuditChain(db, tenantId)).toMatchObject({ chainIntact: true, entriesVerified: 4, brokenLinks: [], scope: 'FULL' });
  });

  it('reports an edited entry at its position, however small the edit', async () => {
    const { tenantId, entries } = await tenantWithEntries(5);
    await db.auditEntry.update({ where: { id: entries[2]!.id }, data: { summary: { name: 'key 2 ', scopes: ['admin'], nested: { z: 1, a: [1.5, 'x', null] } } } });
    const check = await verifyAuditChain(db, tenantId);
    expect(check).toMatchObject({ chainIntact: false, entriesVerified: 2, brokenLinks: [{ kind: 'edited', seq: 3, entryId: entries[2]!.id }] });
  });

  it('reports an edit that recomputed the entry’s own hash at that entry, since the next one no longer links', async () => {
    const { tenantId, entries } = await tenantWithEntries(3);
    await db.auditEntry.update({ where: { id: entries[0]!.id }, data: { actorId: 'someone-else', hash: 'f'.repeat(64) } });
    expect((await verifyAuditChain(db, tenantId)).brokenLinks[0]).toMatchObject({ kind: 'edited', seq: 1 });
  });

  it('reports a deleted entry at the position it left empty', async () => {
    const { tenantId, entries } = await tenantWithEntries(5);
    await db.auditEntry.delete({ where: { id: entries[3]!.id } });
    expect(await verifyAuditChain(db, tenantId)).toMatchObject({
      chainIntact: false,
      entriesVerified: 3,
      brokenLinks: [{ kind: 'deleted', seq: 4, entryId: entries[4]!.id, expectedHash: entries[2]!.hash, actualHash: entries[3]!.hash }],
    });
  });

  it('reports deleted entries at the end of the chain, which break no link, from the chain head', async () => {
    const { tenantId, entries } = await tenantWithEntries(4);
    await db.auditEntry.deleteMany({ where: { id: { in: [entries[2]!.id, entries[3]!.id] } } });
    expect((await verifyAuditChain(db, tenantId)).brokenLinks).toEqual([expect.objectContaining({ kind: 'deleted', seq: 3, entryId: null })]);
  });

  it('keeps one chain under concurrent appends of one tenant, while another tenant’s chain is its own', async () => {
    const [a, b] = await Promise.all([tenantWithEntries(0), tenantWithEntries(1)]);
    const started = performance.now();
    await Promise.all([
      ...Array.from({ length: 40 }, (_, index) => appendAuditEntry(db, record(a.tenantId, index))),
      ...Array.from({ length: 10 }, (_, index) => appendAuditEntry(db, record(b.tenantId, index))),
    ]);
    console.log(`50 concurrent audit appends over 2 tenants: ${Math.round(performance.now() - started)} ms`);
    const seqs = (await db.auditEntry.findMany({ where: { tenantId: a.tenantId }, orderBy: { seq: 'asc' } })).map((entry) => entry.seq);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    expect(await verifyAuditChain(db, a.tenantId)).toMatchObject({ chainIntact: true, entriesVerified: 40 });
    expect(await verifyAuditChain(db, b.tenantId)).toMatchObject({ chainIntact: true, entriesVerified: 11 });
  });

  it('commits an entry with the transaction it was appended in, and not without it', async () => {
    const { tenantId } = await tenantWithEntries(1);
    await expect(
      db.$transaction(async (tx) => {
        await appendAuditEntry(tx, record(tenantId, 1));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await verifyAuditChain(db, tenantId)).toMatchObject({ chainIntact: true, entriesVerified: 1 });
  });
});
