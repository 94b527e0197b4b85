import { createHash, randomUUID } from 'node:crypto';
import type { Database } from '../index';
import type { Prisma } from '../generated/client';
import { canonicalJson } from './canonical-json';

/** The `prevHash` of a tenant's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditActorType = 'user' | 'apiKey' | 'system';

/** What happened, as a caller hands it to `appendAuditEntry`. */
export interface AuditRecord {
  tenantId: string;
  actor: { type: AuditActorType; id: string | null };
  /** What was done, e.g. `createApiKey` or `secret.put`. */
  action: string;
  /** What it was done to, e.g. `/api/v1/secrets/crm_token`. */
  target: string | null;
  /** What was asked for; the caller redacts secret values before it gets here. */
  summary: Prisma.InputJsonValue;
}

/** An entry as stored: every field the hash covers, and the hash. */
export interface AuditEntry {
  id: string;
  tenantId: string;
  seq: number;
  actorType: string;
  actorId: string | null;
  action: string;
  target: string | null;
  summary: unknown;
  createdAt: Date;
  prevHash: string;
  hash: string;
}

/** SHA-256 (hex) over the entry's canonical serialisation, which includes the previous entry's hash. */
export function auditEntryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const canonical = canonicalJson({
    v: 1,
    id: entry.id,
    tenantId: entry.tenantId,
    seq: entry.seq,
    actorType: entry.actorType,
    actorId: entry.actorId,
    action: entry.action,
    target: entry.target,
    summary: entry.summary,
    createdAt: entry.createdAt.toISOString(),
    prevHash: entry.prevHash,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

type Executor = Database | Prisma.TransactionClient;

/**
 * Appends one entry to the tenant's chain. Pass the transaction that makes the change, so the
 * entry commits with it; given the database, it opens its own. The chain head's row is locked
 * for the rest of the transaction, so concurrent appends of one tenant queue behind each other
 * and never fork the chain; other tenants' appends do not wait.
 */
export async function appendAuditEntry(executor: Executor, record: AuditRecord): Promise<AuditEntry> {
  // Appends of one tenant wait for each other's commit: allow for a queue of them.
  if ('$transaction' in executor) return executor.$transaction((tx) => appendInTransaction(tx, record), { maxWait: 10_000, timeout: 10_000 });
  return appendInTransaction(executor, record);
}

async function appendInTransaction(tx: Prisma.TransactionClient, record: AuditRecord): Promise<AuditEntry> {
  // ON CONFLICT … DO UPDATE locks the head row (waiting for a concurrent append to commit) and
  // returns its latest version.
  const [head] = await tx.$queryRaw<Array<{ seq: number; hash: string }>>`
    INSERT INTO audit_chain_heads (tenant_id, seq, hash) VALUES (${record.tenantId}::uuid, 0, ${GENESIS_HASH})
    ON CONFLICT (tenant_id) DO UPDATE SET seq = audit_chain_heads.seq
    RETURNING seq, hash`;
  const unhashed = {
    id: randomUUID(),
    tenantId: record.tenantId,
    seq: head!.seq + 1,
    actorType: record.actor.type,
    actorId: record.actor.id,
    action: record.action,
    target: record.target,
    // Stored as its canonical form reads back, so the hash verifies against what jsonb returns.
    summary: JSON.parse(canonicalJson(record.summary)) as Prisma.InputJsonValue,
    createdAt: new Date(),
    prevHash: head!.hash,
  };
  const entry = { ...unhashed, hash: auditEntryHash(unhashed) };
  await tx.auditEntry.create({ data: entry });
  await tx.auditChainHead.update({ where: { tenantId: record.tenantId }, data: { seq: entry.seq, hash: entry.hash } });
  return entry;
}
