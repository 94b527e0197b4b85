import { randomUUID } from 'node:crypto';
import { getEventDefinition } from '@cascade/catalog';
import type { Database, Event } from '@cascade/db';
import type { ActivityDependencies } from '@cascade/worker/activities';

export interface Envelope {
  id: string;
  type: string;
  source: string;
  data: Record<string, unknown>;
}

function envelope(type: string, data: Record<string, unknown>): Envelope {
  const example = getEventDefinition(type)?.example as Record<string, unknown> | undefined;
  if (!example) throw new Error(`${type} is not in the catalog`);
  return { id: randomUUID(), type, source: 'bench', data: { ...example, ...data } };
}

/** An overdue invoice of its own client, so a waiting run can be told its payment apart. */
export const invoiceOverdue = (tenantId: string, clientId: string = randomUUID()) =>
  envelope('INVOICE_OVERDUE', { tenantId, invoiceId: randomUUID(), clientId });

export const paymentRecorded = (tenantId: string, clientId: string) =>
  envelope('PAYMENT_RECORDED', { tenantId, paymentId: randomUUID(), clientId });

/** Stores events through the one ingestion path (validation, group commit, dispatch row, pg_notify). */
export async function ingest(deps: ActivityDependencies, tenantId: string, envelopes: readonly Envelope[]): Promise<void> {
  for (let start = 0; start < envelopes.length; start += 500) {
    const batch = envelopes.slice(start, start + 500);
    const result = await deps.ingestion.ingest({ tenantId, id: 'bench', namespaces: [] }, batch, deps.ingestOptions);
    if (result.rejected.length) throw new Error(`events refused: ${JSON.stringify(result.rejected.slice(0, 3))}`);
  }
}

/** The stored rows of `ids`, in the order of `ids`. */
export async function storedEvents(db: Database, tenantId: string, ids: readonly string[]): Promise<Event[]> {
  const rows = await db.event.findMany({ where: { tenantId, id: { in: [...ids] } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? missing(id));
}

const missing = (id: string): never => {
  throw new Error(`event ${id} was not stored`);
};

/**
 * Marks every pending dispatch done without dispatching it: section 1 starts its runs itself, and
 * the rows it leaves (its triggering and emitted events) must not become the dispatcher's backlog.
 */
export async function settleDispatches(db: Database): Promise<number> {
  return db.$executeRaw`UPDATE dispatches SET status = 'DISPATCHED', dispatched_at = now() WHERE status = 'PENDING'`;
}

export async function pendingDispatches(db: Database): Promise<number> {
  return db.dispatch.count({ where: { status: 'PENDING' } });
}
