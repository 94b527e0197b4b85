import 'server-only';
import { DispatchStatus, type Prisma } from '@cascade/db';
import { countDeadLetters } from '@cascade/ingestion';
import { db } from './services';

export const DISPATCH_STATUSES = Object.values(DispatchStatus);

export interface EventLogFilter {
  id?: string;
  type?: string;
  correlationId?: string;
  /** Received at or after / before, ISO timestamps. */
  from?: string;
  to?: string;
  status?: DispatchStatus;
}

/** One event of the tenant with its dispatch row. */
export function findEvent(tenantId: string, id: string) {
  return db().event.findUnique({ where: { tenantId_id: { tenantId, id } }, include: { dispatch: true } });
}

/**
 * Where a tenant's event went that retention archived and deleted: the UTC day it was received,
 * which names its archive folder (`<tenant id>/<day>/events-*.ndjson.gz`); null for an id never retired.
 */
export async function retiredEvent(tenantId: string, id: string): Promise<{ receivedOn: string; archivedUnder: string } | null> {
  const retired = await db().retiredEventId.findUnique({ where: { tenantId_id: { tenantId, id } } });
  if (!retired) return null;
  const receivedOn = retired.receivedOn.toISOString().slice(0, 10);
  return { receivedOn, archivedUnder: `${tenantId}/${receivedOn}/events-*.ndjson.gz` };
}

/** A tenant's events with their dispatch rows, newest (or oldest) first: the one query behind the event log API and pages. */
export function findEvents(tenantId: string, filter: EventLogFilter, take: number, after: Prisma.EventWhereInput = {}, order: 'desc' | 'asc' = 'desc') {
  return db().event.findMany({
    where: {
      ...after,
      tenantId,
      ...(filter.id ? { id: filter.id } : {}),
      ...(filter.type ? { type: filter.type } : {}),
      ...(filter.correlationId ? { correlationId: filter.correlationId } : {}),
      ...(filter.from || filter.to
        ? { receivedAt: { ...(filter.from ? { gte: new Date(filter.from) } : {}), ...(filter.to ? { lt: new Date(filter.to) } : {}) } }
        : {}),
      ...(filter.status ? { dispatch: { status: filter.status } } : {}),
    },
    orderBy: [{ receivedAt: order }, { id: order }],
    take,
    include: { dispatch: true },
  });
}

export type EventLogRow = Awaited<ReturnType<typeof findEvents>>[number];

/** The runs an event started, and the waiting runs it was delivered to. */
export async function runsOfEvent(tenantId: string, eventId: string) {
  const include = { workflow: { select: { name: true } } } as const;
  const [started, signalled] = await Promise.all([
    db().run.findMany({ where: { tenantId, eventId, parentRunId: null }, include, orderBy: { startedAt: 'asc' } }),
    db().run.findMany({ where: { tenantId, waits: { some: { deliveredEventId: eventId } } }, include, orderBy: { startedAt: 'asc' } }),
  ]);
  return { started, signalled };
}

/** How many of the tenant's dead letters the event log's filter matches. */
export function countMatchingDeadLetters(tenantId: string, filter: Pick<EventLogFilter, 'type' | 'correlationId'>): Promise<number> {
  return countDeadLetters(db(), tenantId, filter);
}

