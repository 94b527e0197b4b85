export { appendAuditEntry, auditEntryHash, GENESIS_HASH, type AuditActorType, type AuditEntry, type AuditRecord } from './audit-chain';
export { verifyAuditChain, type AuditChainCheck, type BrokenLink } from './verify-audit-chain';
export { canonicalJson } from './canonical-json';
