import { randomUUID } from 'node:crypto';
import type { Database } from '../index';
import { auditEntryHash, GENESIS_HASH, type AuditEntry } from './audit-chain';

/** Where the chain first breaks. */
export interface BrokenLink {
  /** `edited`: the entry no longer hashes to what it says; `deleted`: the entry at `seq` is missing. */
  kind: 'edited' | 'deleted';
  seq: number;
  /** The entry found at or after the break; null when the missing entries end the chain. */
  entryId: string | null;
  /** The hash the chain says this position should have (or should follow from). */
  expectedHash: string;
  /** The hash found there: recomputed for an edited entry, the next entry's `prevHash` after a deletion. */
  actualHash: string | null;
}

/** The integrity check's result, in the shape of the work-order catalog's compliance.audit_trail_integrity_check. */
export interface AuditChainCheck {
  checkId: string;
  scope: 'FULL';
  tenantId: string;
  entriesVerified: number;
  chainIntact: boolean;
  /** Only the first break: everything after it follows from a chain already broken. */
  brokenLinks: BrokenLink[];
  verifiedAt: string;
}

const BATCH = 1000;

/**
 * Walks the tenant's chain in order and reports the first entry that was edited (its hash does not
 * match its content, or its `prevHash` not its predecessor's hash) or deleted (a gap in `seq`, or a
 * chain shorter than its head says). Reads in batches, so memory stays flat for any length.
 */
export async function verifyAuditChain(db: Database, tenantId: string): Promise<AuditChainCheck> {
  const head = await db.auditChainHead.findUnique({ where: { tenantId } });
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let verified = 0;
  const result = (broken: BrokenLink | null): AuditChainCheck => ({
    checkId: randomUUID(),
    scope: 'FULL',
    tenantId,
    entriesVerified: verified,
    chainIntact: broken === null,
    brokenLinks: broken ? [broken] : [],
    verifiedAt: new Date().toISOString(),
  });
  for (;;) {
    const batch: AuditEntry[] = await db.auditEntry.findMany({ where: { tenantId, seq: { gte: expectedSeq } }, orderBy: { seq: 'asc' }, take: BATCH });
    for (const entry of batch) {
      if (entry.seq !== expectedSeq) {
        return result({ kind: 'deleted', seq: expectedSeq, entryId: entry.id, expectedHash: previousHash, actualHash: entry.prevHash });
      }
      const recomputed = auditEntryHash(entry);
      if (recomputed !== entry.hash || entry.prevHash !== previousHash) {
        return result({ kind: 'edited', seq: entry.seq, entryId: entry.id, expectedHash: entry.prevHash !== previousHash ? previousHash : entry.hash, actualHash: entry.prevHash !== previousHash ? entry.prevHash : recomputed });
      }
      previousHash = entry.hash;
      expectedSeq += 1;
      verified += 1;
    }
    if (batch.length < BATCH) break;
  }
  // The head names the last entry appended: entries missing from the end break no link but are gone all the same.
  if (head && head.seq >= expectedSeq) {
    return result({ kind: 'deleted', seq: expectedSeq, entryId: null, expectedHash: head.hash, actualHash: null });
  }
  if (head && head.hash !== previousHash) {
    return result({ kind: 'edited', seq: head.seq, entryId: null, expectedHash: head.hash, actualHash: previousHash });
  }
  return result(null);
}
