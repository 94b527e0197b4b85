import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { sumOf as total, tenantOverview } from './overview';
import { getOverview } from './routes/overview';
import { db } from './services';

const MINUTE = 60_000;

async function seedEvent(tenantId: string, receivedAt: Date, dispatch?: 'PENDING' | 'DEAD') {
  const id = randomUUID();
  await db().event.create({
    data: {
      tenantId, id, type: 'test.happened', version: 1, source: 'test', occurredAt: receivedAt, receivedAt, data: {},
      // Far in the future, so no dispatcher of a test running beside this one claims it.
      ...(dispatch ? { dispatch: { create: { status: dispatch, nextAttemptAt: new Date(Date.now() + 86_400_000) } } } : {}),
    },
  });
  return id;
}

async function seedWorkflow(tenantId: string, name: string) {
  const definition = { schemaVersion: 1, name, nodes: [], edges: [] };
  const workflow = await db().workflow.create({ data: { tenantId, name, draft: definition } });
  const version = await db().workflowVersion.create({ data: { tenantId, workflowId: workflow.id, version: 1, definition } });
  return { workflow, version };
}

async function seedRun(tenantId: string, seeded: Awaited<ReturnType<typeof seedWorkflow>>, startedAt: Date, finished?: { status: 'COMPLETED' | 'FAILED'; after: number }) {
  return db().run.create({
    data: {
      id: randomUUID(), tenantId, workflowId: seeded.workflow.id, versionId: seeded.version.id, temporalWorkflowId: `run:${randomUUID()}`, startedAt,
      ...(finished
        ? { status: finished.status, finishedAt: new Date(startedAt.getTime() + finished.after), ...(finished.status === 'FAILED' ? { error: { message: 'Card declined', node: 'charge' } } : {}) }
        : {}),
    },
  });
}

const bucketHolding = (buckets: Array<{ at: string }>, stepSeconds: number, time: Date) =>
  buckets.find((b) => Date.parse(b.at) <= time.getTime() && time.getTime() < Date.parse(b.at) + stepSeconds * 1000);

describe('tenant overview', () => {
  it('buckets events and runs per minute over the hour and per 15 minutes over the day, for the tenant only', async () => {
    const now = new Date();
    const a = await createTenantWithKey(['workflows:read']);
    const b = await createTenantWithKey(['workflows:read']);
    // A second into a minute, so the run that finishes 40 s later is counted in the same minute.
    const fiveMinutesAgo = new Date(Math.floor((now.getTime() - 5 * MINUTE) / MINUTE) * MINUTE + 1_000);
    for (let i = 0; i < 3; i += 1) await seedEvent(a.tenantId, fiveMinutesAgo);
    await seedEvent(a.tenantId, new Date(now.getTime() - 30 * MINUTE), 'PENDING');
    await seedEvent(a.tenantId, new Date(now.getTime() - 3 * 60 * MINUTE), 'DEAD');
    await seedEvent(a.tenantId, new Date(now.getTime() - 2 * 24 * 60 * MINUTE)); // outside the day
    for (let i = 0; i < 7; i += 1) await seedEvent(b.tenantId, fiveMinutesAgo, 'DEAD');

    const invoices = await seedWorkflow(a.tenantId, 'Invoices');
    const payments = await seedWorkflow(a.tenantId, 'Payments');
    await seedRun(a.tenantId, invoices, fiveMinutesAgo, { status: 'COMPLETED', after: 2_000 });
    await seedRun(a.tenantId, invoices, fiveMinutesAgo, { status: 'COMPLETED', after: 40_000 });
    await seedRun(a.tenantId, payments, fiveMinutesAgo, { status: 'FAILED', after: 1_000 });
    await seedRun(a.tenantId, payments, fiveMinutesAgo);
    await seedRun(b.tenantId, await seedWorkflow(b.tenantId, 'Other'), fiveMinutesAgo, { status: 'FAILED', after: 1_000 });

    const overview = await tenantOverview(a.tenantId, now);
    expect(overview.lastHour.buckets).toHaveLength(60);
    expect(overview.lastDay.buckets).toHaveLength(96);
    expect(bucketHolding(overview.lastHour.buckets, 60, fiveMinutesAgo)).toMatchObject({ events: 3, started: 4, completed: 2, failed: 1 });
    expect(bucketHolding(overview.lastHour.buckets, 60, now)).toBeDefined(); // the last bucket holds now
    expect(total(overview.lastHour.buckets, 'events')).toBe(4);
    expect(total(overview.lastDay.buckets, 'events')).toBe(5);
    expect(total(overview.lastDay.buckets, 'failed')).toBe(1);
    expect(overview.backlog).toEqual({ pending: 1, dead: 1 });
    expect(overview.slowestWorkflows.map((w) => w.name)).toEqual(['Invoices']);
    expect(overview.slowestWorkflows[0]!.p95Ms).toBeGreaterThan(30_000);
    expect(overview.mostFailingWorkflows).toEqual([expect.objectContaining({ name: 'Payments', runs: 1, failed: 1 })]);
    expect(overview.recentFailures).toEqual([expect.objectContaining({ workflowName: 'Payments', message: 'Card declined' })]);

    const other = await tenantOverview(b.tenantId, now);
    expect(total(other.lastHour.buckets, 'events')).toBe(7);
    expect(other.backlog).toEqual({ pending: 0, dead: 7 });
    expect(other.recentFailures.map((f) => f.workflowName)).toEqual(['Other']);
  });

  it('answers the same figures over the API, and refuses a caller without a key', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read']);
    await seedEvent(tenantId, new Date());
    const response = await callRoute(getOverview, { apiKey });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(total(body.lastHour.buckets, 'events')).toBe(1);
    expect(body.backlog).toEqual({ pending: 0, dead: 0 });
    expect((await callRoute(getOverview)).status).toBe(401);
  });
});

/**
 * A tenant with a long history (OVERVIEW_MEASURE_EVENTS events and a tenth as many runs spread over
 * 30 days, 100,000 by default; set 1000000 to measure the figure): the overview reads only
 * the last day through the tenant's indexes, so its time follows the day's rows. Printed, not asserted.
 */
describe('tenant overview over a long history', () => {
  it('reads the last day through the indexes', { timeout: 600_000 }, async () => {
    const events = Number(process.env.OVERVIEW_MEASURE_EVENTS ?? 100_000);
    const { tenantId } = await createTenantWithKey(['workflows:read']);
    const seeded = await seedWorkflow(tenantId, 'Busy');
    const span = "interval '30 days'";
    const started = performance.now();
    await db().$executeRawUnsafe(`
      INSERT INTO events (tenant_id, id, type, version, source, occurred_at, received_at, data)
      SELECT $1::uuid, gen_random_uuid(), 'test.happened', 1, 'test', t, t, '{}'::jsonb
      FROM (SELECT now() - random() * ${span} AS t FROM generate_series(1, $2::int)) g`, tenantId, events);
    await db().$executeRawUnsafe(`
      INSERT INTO runs (id, tenant_id, workflow_id, version_id, temporal_workflow_id, status, started_at, finished_at)
      SELECT gen_random_uuid(), $1::uuid, $2::uuid, $3::uuid, 'measure:' || gen_random_uuid(), 'COMPLETED', t, t + interval '3 seconds'
      FROM (SELECT now() - random() * ${span} AS t FROM generate_series(1, $4::int)) g`, tenantId, seeded.workflow.id, seeded.version.id, Math.round(events / 10));
    await db().$executeRawUnsafe('ANALYZE events; ANALYZE runs');
    const seededMs = performance.now() - started;

    const timings: number[] = [];
    let overview;
    for (let i = 0; i < 3; i += 1) {
      const at = performance.now();
      overview = await tenantOverview(tenantId);
      timings.push(Math.round(performance.now() - at));
    }
    const plan = await db().$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(
      `EXPLAIN SELECT count(*) FROM events WHERE tenant_id = $1::uuid AND received_at >= now() - interval '1 day'`, tenantId);
    console.log(
      `overview of a tenant with ${events} events and ${events / 10} runs over 30 days (seeded in ${Math.round(seededMs)} ms): ` +
        `${timings.join(' / ')} ms (cold, warm, warm); the day holds ${total(overview!.lastDay.buckets, 'events')} events; plan: ${plan.map((r) => r['QUERY PLAN'].trim()).join(' | ')}`,
    );
    expect(total(overview!.lastDay.buckets, 'events')).toBeGreaterThan(0);
    await db().tenant.delete({ where: { id: tenantId } });
  });
});
