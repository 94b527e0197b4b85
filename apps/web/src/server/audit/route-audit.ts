import 'server-only';
import { appendAuditEntry, type Prisma } from '@cascade/db';
import type { Principal } from '../http/authenticate';
import type { AnyRouteSpec } from '../http/route-spec';
import { db, logger } from '../services';
import { summariseForAudit } from './audit-summary';

/**
 * Appends a successful state-changing call to the caller's audit trail: who (the user or API key
 * id), what (the operation), on what (the path with its parameters, or the id a create returned)
 * and a redacted summary of what was asked. Reads are not audited, nor routes that opt out.
 */
export async function auditRouteCall(
  spec: AnyRouteSpec,
  call: { principal: Principal | null; params: Record<string, unknown>; body: unknown; result: unknown },
): Promise<void> {
  if (spec.method === 'GET' || spec.audit === false || !call.principal) return;
  const summary = summariseForAudit(spec.audit ? spec.audit.summary(call.body) : (call.body ?? {}));
  try {
    await appendAuditEntry(db(), {
      tenantId: call.principal.tenantId,
      actor: { type: call.principal.kind, id: call.principal.id },
      action: spec.operationId,
      target: targetOf(spec.path, call.params, call.result),
      summary: summary as Prisma.InputJsonValue,
    });
  } catch (error) {
    // The change is made and answered: failing the answer now would invite a retry that repeats it.
    logger().error({ err: error, route: spec.operationId, tenantId: call.principal.tenantId }, 'audit entry not written');
  }
}

/** `/api/v1/secrets/{name}` with its parameters filled in; a create's new id appended when the path names none. */
function targetOf(path: string, params: Record<string, unknown>, result: unknown): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));
  const createdId = typeof result === 'object' && result !== null && 'id' in result ? (result as { id: unknown }).id : undefined;
  return filled === path && typeof createdId === 'string' ? `${path}/${createdId}` : filled;
}
