import 'server-only';
import { verifyAuditChain, type Prisma } from '@cascade/db';
import { z } from 'zod';
import { defineRoute } from '../http/define-route';
import { afterKey, pageOf, pageQuery, toPage } from '../http/pagination';
import { db } from '../services';

const AuditEntry = z
  .object({
    id: z.uuid(),
    seq: z.number().int().describe('Position in the tenant’s chain, from 1'),
    actor: z.object({
      type: z.enum(['user', 'apiKey', 'system']),
      id: z.string().nullable().describe('The user’s or API key’s id, never a credential'),
    }),
    action: z.string().describe('The operation, e.g. createApiKey or publishWorkflow'),
    target: z.string().nullable().describe('What it was done to, as an API path'),
    summary: z.unknown().describe('What was asked for, bounded, with secret values redacted'),
    createdAt: z.iso.datetime(),
    prevHash: z.string().describe('SHA-256 (hex) of the entry before; 64 zeros for the first'),
    hash: z.string().describe('SHA-256 (hex) of this entry’s canonical serialisation, which includes prevHash'),
  })
  .meta({ id: 'AuditEntry' });

const AuditChainCheck = z
  .object({
    checkId: z.uuid(),
    scope: z.literal('FULL'),
    tenantId: z.uuid(),
    entriesVerified: z.number().int().describe('Entries found intact before the first break (all of them when intact)'),
    chainIntact: z.boolean(),
    brokenLinks: z
      .array(
        z.object({
          kind: z.enum(['edited', 'deleted']),
          seq: z.number().int().describe('Position of the first edited or missing entry'),
          entryId: z.uuid().nullable().describe('The entry found there; null when the missing entries end the chain'),
          expectedHash: z.string(),
          actualHash: z.string().nullable(),
        }),
      )
      .describe('The first break only; everything after it follows from a broken chain'),
    verifiedAt: z.iso.datetime(),
  })
  .meta({ id: 'AuditChainCheck', description: 'In the shape of compliance.audit_trail_integrity_check' });

type AuditRow = Prisma.AuditEntryGetPayload<object>;

const toAuditEntry = (row: AuditRow) => ({
  id: row.id,
  seq: row.seq,
  actor: { type: row.actorType as 'user' | 'apiKey' | 'system', id: row.actorId },
  action: row.action,
  target: row.target,
  summary: row.summary,
  createdAt: row.createdAt.toISOString(),
  prevHash: row.prevHash,
  hash: row.hash,
});

export const auditQuery = z.object({
  action: z.string().min(1).max(100).optional().describe('Only this operation, e.g. putSecret'),
  actor: z.string().min(1).max(100).optional().describe('Only this user’s or API key’s id'),
  from: z.iso.datetime({ offset: true }).optional().describe('At or after'),
  to: z.iso.datetime({ offset: true }).optional().describe('Before'),
  order: z.enum(['desc', 'asc']).default('desc').describe('Newest (desc) or oldest (asc) first'),
  ...pageQuery({ max: 500, default: 50 }),
});

/** A page of the tenant's audit trail, newest first unless asked otherwise; the settings page reads it through here too. */
export async function findAuditEntries(tenantId: string, query: z.infer<typeof auditQuery>) {
  const { limit, cursor, action, actor, from, to, order } = query;
  const rows = await db().auditEntry.findMany({
    where: {
      ...afterKey<Prisma.AuditEntryWhereInput>(cursor, [['seq', 'int']], order),
      tenantId,
      ...(action ? { action } : {}),
      ...(actor ? { actorId: actor } : {}),
      ...(from || to ? { createdAt: { ...(from ? { gte: new Date(from) } : {}), ...(to ? { lt: new Date(to) } : {}) } } : {}),
    },
    orderBy: { seq: order },
    take: limit + 1,
  });
  const page = toPage(rows, limit, (row) => [row.seq]);
  return { items: page.rows.map(toAuditEntry), nextCursor: page.nextCursor };
}

export const listAuditEntries = defineRoute({
  method: 'GET',
  path: '/api/v1/audit',
  operationId: 'listAuditEntries',
  summary: 'The caller’s tenant’s audit trail, newest first: every change made through the API or the UI, by whom',
  tags: ['Audit'],
  scope: 'admin',
  query: auditQuery,
  response: { status: 200, description: 'Newest first, unless `order=asc`', schema: pageOf(AuditEntry) },
  handle: ({ query, principal }) => findAuditEntries(principal.tenantId, query),
});

export const verifyAuditTrail = defineRoute({
  method: 'GET',
  path: '/api/v1/audit/verify',
  operationId: 'verifyAuditTrail',
  summary: 'Recompute the tenant’s audit chain and name the first edited or deleted entry',
  tags: ['Audit'],
  scope: 'admin',
  response: { status: 200, description: 'The integrity check; chainIntact is false when an entry was edited or deleted', schema: AuditChainCheck },
  handle: ({ principal }) => verifyAuditChain(db(), principal.tenantId),
});
