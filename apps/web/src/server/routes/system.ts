import 'server-only';
import { checkDatabase } from '@cascade/db';
import { checkTemporal } from '@cascade/temporal';
import { z } from 'zod';
import { webEnv } from '../../env.server';
import { defineRoute, withStatus } from '../http/define-route';
import { db, temporal } from '../services';

const Check = z.object({ ok: z.boolean(), error: z.string().optional() });
const Readiness = z
  .object({
    status: z.enum(['ready', 'unavailable']),
    down: z.array(z.enum(['database', 'temporal', 'worker'])),
    checks: z.object({ database: Check, temporal: Check, worker: Check.extend({ lastSeenAt: z.iso.datetime().nullable() }) }),
  })
  .meta({ id: 'Readiness' });

export const health = defineRoute({
  method: 'GET',
  path: '/api/health',
  operationId: 'health',
  summary: 'Liveness: the web process answers',
  tags: ['System'],
  scope: null,
  response: { status: 200, description: 'Alive', schema: z.object({ status: z.literal('ok') }) },
  handle: async () => ({ status: 'ok' as const }),
});

export const readiness = defineRoute({
  method: 'GET',
  path: '/api/ready',
  operationId: 'readiness',
  summary: 'Readiness: database, Temporal and a live worker; 503 names what is down',
  tags: ['System'],
  scope: null,
  response: { status: 200, description: 'Everything Cascade needs is up', schema: Readiness },
  errors: { 503: 'Something is down; the body names it' },
  async handle() {
    const [database, temporalCheck] = await Promise.all([
      checkDatabase(db()),
      temporal().then(checkTemporal, (error: Error) => ({ ok: false as const, error: error.message })),
    ]);
    const worker = await workerCheck(database.ok);
    const checks = { database, temporal: temporalCheck, worker };
    const down = (Object.keys(checks) as Array<keyof typeof checks>).filter((name) => !checks[name].ok);
    return withStatus(down.length ? 503 : 200, { status: down.length ? ('unavailable' as const) : ('ready' as const), down, checks });
  },
});

async function workerCheck(databaseUp: boolean) {
  if (!databaseUp) return { ok: false, error: 'unknown while the database is down', lastSeenAt: null };
  const latest = await db().workerHeartbeat.findFirst({ orderBy: { lastSeenAt: 'desc' } });
  const lastSeenAt = latest?.lastSeenAt.toISOString() ?? null;
  if (!latest) return { ok: false, error: 'no worker has ever reported', lastSeenAt };
  const age = Date.now() - latest.lastSeenAt.getTime();
  return age <= webEnv().WORKER_HEARTBEAT_MAX_AGE_MS
    ? { ok: true, lastSeenAt }
    : { ok: false, error: `no worker heartbeat for ${Math.round(age / 1000)}s`, lastSeenAt };
}
