import 'server-only';
import { appendAuditEntry, type AuditRecord, type Database, type Prisma } from '@cascade/db';
import type { Principal } from '../http/authenticate';
import type { AnyRouteSpec } from '../http/route-spec';
import { db, logger } from '../services';
import { summariseForAudit } from './audit-summary';

/** Appends this call's entry inside the handler's own transaction; `createdId` names what a create made. */
export type AuditInTransaction = (tx: Prisma.TransactionClient, createdId?: string) => Promise<void>;

/**
 * The audit trail entry of one call: who (the user or API key id), what (the operation), on what
 * (the path with its parameters, or the id a create made) and a redacted summary of what was asked.
 * A handler that makes its change in a transaction appends the entry in it (`inTransaction`), so
 * the change and its entry commit together; otherwise the pipeline appends it once the handler has
 * succeeded (`afterSuccess`). Reads are not audited, nor routes that opt out.
 */
export function auditOfCall(spec: AnyRouteSpec, call: { principal: Principal | null; params: Record<string, unknown>; body: unknown }) {
  const audited = spec.method !== 'GET' && spec.audit !== false && call.principal !== null;
  let appended = false;
  const recordOf = (createdId: string | undefined): AuditRecord => ({
    tenantId: call.principal!.tenantId,
    actor: { type: call.principal!.kind, id: call.principal!.id },
    action: spec.operationId,
    target: targetOf(spec.path, call.params, createdId),
    summary: summariseForAudit(spec.audit ? spec.audit.summary(call.body) : (call.body ?? {})) as Prisma.InputJsonValue,
  });

  const inTransaction: AuditInTransaction = async (tx, createdId) => {
    if (!audited || appended) return;
    await appendAuditEntry(tx, recordOf(createdId));
    appended = true;
  };

  async function afterSuccess(result: unknown, database: Database = db()): Promise<void> {
    if (!audited || appended) return;
    const createdId = typeof result === 'object' && result !== null && 'id' in result ? (result as { id: unknown }).id : undefined;
    try {
      await appendAuditEntry(database, recordOf(typeof createdId === 'string' ? createdId : undefined));
    } catch (error) {
      // The change is made and answered: failing the answer now would invite a retry that repeats it.
      logger().error({ err: error, route: spec.operationId, tenantId: call.principal!.tenantId }, 'audit entry not written');
    }
  }

  return { inTransaction, afterSuccess };
}

/** `/api/v1/secrets/{name}` with its parameters filled in; a create's new id appended when the path names none. */
function targetOf(path: string, params: Record<string, unknown>, createdId: string | undefined): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));
  return filled === path && createdId ? `${path}/${createdId}` : filled;
}
