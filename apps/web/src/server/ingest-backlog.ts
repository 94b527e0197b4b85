import 'server-only';
import { webEnv } from '../env.server';
import type { Principal } from './http/authenticate';
import { HttpError } from './http/problem';
import { db } from './services';

/** How long a tenant's backlog count is trusted before it is read again, in this process. */
const REFRESH_MS = 500;
/** What a refused producer is asked to wait: the dispatcher drains a full backlog in seconds to minutes. */
const RETRY_AFTER_SECONDS = 5;
/** Tenants whose count is kept; past this the oldest readings are dropped. */
const MAX_TENANTS = 10_000;

const readings = new Map<string, { at: number; count: Promise<number> }>();

/**
 * Admission control at the intake: a tenant with `INGEST_MAX_TENANT_BACKLOG` events or more not yet
 * dispatched is answered 429 before its body is read, so a flood queues at the producer rather than
 * in the database, and the machine's time goes to running what was accepted (issue 18). Only that
 * tenant waits: the count is its own. Read at most every half second per tenant, with a bounded
 * query however deep the backlog.
 */
export async function admitToBacklog(principal: Principal): Promise<void> {
  const limit = webEnv().INGEST_MAX_TENANT_BACKLOG;
  if (limit === 0 || (await backlogOf(principal.tenantId, limit)) < limit) return;
  throw new HttpError(
    429,
    'Too Many Requests',
    `This tenant has ${limit} or more events waiting to be dispatched; retry after ${RETRY_AFTER_SECONDS} s, as they drain`,
    undefined,
    { 'retry-after': String(RETRY_AFTER_SECONDS) },
  );
}

function backlogOf(tenantId: string, limit: number): Promise<number> {
  const now = performance.now();
  const reading = readings.get(tenantId);
  if (reading && now - reading.at < REFRESH_MS) return reading.count;
  const count = db()
    .$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM dispatches WHERE status = 'PENDING' AND tenant_id = ${tenantId}::uuid LIMIT ${limit}) AS waiting`
    .then(([row]) => row!.n)
    .catch((error: unknown) => {
      readings.delete(tenantId);
      throw error;
    });
  readings.delete(tenantId); // re-inserted last: the map stays ordered by reading time
  readings.set(tenantId, { at: now, count });
  if (readings.size > MAX_TENANTS) readings.delete(readings.keys().next().value!);
  return count;
}
