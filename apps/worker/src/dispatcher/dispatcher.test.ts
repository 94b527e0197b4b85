import { randomUUID } from 'node:crypto';
import { DISPATCH_CHANNEL, createDatabase, type Database, type Event } from '@cascade/db';
import { createIsolatedDatabase } from '@cascade/devstack/testing';
import { countPendingDispatches } from '@cascade/ingestion';
import { createLogger } from '@cascade/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureBacklogWith, workerMetrics } from '../metrics';
import { metricValue } from '../testing/metric-values';
import { dispatchKey, startDispatcher, type DispatchEvents, type DispatchOutcome } from './dispatcher';

const logger = createLogger('dispatcher-test', { level: 'silent' });
let databaseUrl: string;
let db: Database;
let tenantId: string;

beforeAll(async () => {
  databaseUrl = await createIsolatedDatabase();
  db = createDatabase(databaseUrl);
  tenantId = (await db.tenant.create({ data: { slug: 'dispatch', name: 'Dispatch' } })).id;
});
afterAll(() => db.$disconnect());

/** Stores events with their dispatch rows the way ingestion does, and notifies. */
async function storeEvents(count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await db.$transaction([
    db.event.createMany({
      data: ids.map((id) => ({ tenantId, id, type: 'TICKET_CREATED', version: 1, source: 'test', occurredAt: new Date(), data: {} })),
    }),
    db.dispatch.createMany({ data: ids.map((eventId) => ({ tenantId, eventId })) }),
    db.$executeRaw`SELECT pg_notify(${DISPATCH_CHANNEL}, '')`,
  ]);
  return ids;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const dispatchedCount = (ids: string[]) => db.dispatch.count({ where: { eventId: { in: ids }, status: 'DISPATCHED' } });

describe('dispatcher', () => {
  it('hands every event to exactly one of two competing dispatchers, woken by the ingest notification', async () => {
    const seen: string[] = [];
    const record: DispatchEvents = async (events: Event[]) => {
      seen.push(...events.map((event) => event.id));
      return new Map(events.map((event) => [dispatchKey(event.tenantId, event.id), { ok: true, notes: [], decisions: [] }]));
    };
    // A long idle poll: only LISTEN/NOTIFY can wake them in time.
    const options = { db, databaseUrl, logger, channel: DISPATCH_CHANNEL, idlePollMs: 60_000, batchSize: 7 };
    const dispatchers = [startDispatcher({ ...options, dispatchEvents: record }), startDispatcher({ ...options, dispatchEvents: record })];
    await new Promise((resolve) => setTimeout(resolve, 300)); // both are LISTENing
    const ids = await storeEvents(200);
    await until(async () => (await dispatchedCount(ids)) === ids.length);
    await Promise.all(dispatchers.map((d) => d.stop()));
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('renews the lease of a batch still in flight, so a slow dispatch is not taken over by another dispatcher', async () => {
    const seen: string[] = [];
    const slow: DispatchEvents = async (events: Event[]) => {
      seen.push(...events.map((event) => event.id));
      // Four leases long: without renewal the other dispatcher would claim the rows three times over.
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      return new Map(events.map((event) => [dispatchKey(event.tenantId, event.id), { ok: true, notes: [], decisions: [] }]));
    };
    const options = { db, databaseUrl, logger, channel: DISPATCH_CHANNEL, idlePollMs: 20, leaseMs: 300, dispatchEvents: slow };
    const first = startDispatcher(options);
    const ids = await storeEvents(5);
    await until(async () => seen.length === ids.length);
    const second = startDispatcher(options);
    await until(async () => (await dispatchedCount(ids)) === ids.length);
    await Promise.all([first.stop(), second.stop()]);
    expect(seen.sort()).toEqual([...ids].sort());
    const rows = await db.dispatch.findMany({ where: { eventId: { in: ids } } });
    expect(rows.map((row) => row.attempts)).toEqual([1, 1, 1, 1, 1]);
  });

  it('retries a failing dispatch with backoff and dead-letters it after the last attempt, keeping the error', async () => {
    const deadBefore = await metricValue(workerMetrics, 'cascade_dead_letters_total', { queue: 'dispatch' });
    const [id] = await storeEvents(1);
    let calls = 0;
    const dispatcher = startDispatcher({
      db, databaseUrl, logger, channel: DISPATCH_CHANNEL, idlePollMs: 20,
      maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 50,
      dispatchEvents: async (events) =>
        new Map<string, DispatchOutcome>(
          events.map((event) => {
            if (event.id !== id) return [dispatchKey(event.tenantId, event.id), { ok: true, notes: [], decisions: [] }];
            calls += 1;
            return [dispatchKey(event.tenantId, event.id), { ok: false, error: new Error(`temporal unavailable (call ${calls})`) }];
          }),
        ),
    });
    await until(async () => (await db.dispatch.findFirstOrThrow({ where: { eventId: id } })).status === 'DEAD');
    await dispatcher.stop();
    const row = await db.dispatch.findFirstOrThrow({ where: { eventId: id } });
    expect(calls).toBe(3);
    expect(row).toMatchObject({ status: 'DEAD', attempts: 3, lastError: 'temporal unavailable (call 3)' });
    expect(await metricValue(workerMetrics, 'cascade_dead_letters_total', { queue: 'dispatch' })).toBe(deadBefore + 1);
  });

  it('claims no more events than the run pacing leaves room for, and none while it leaves none; the metrics show the backlog and the lag', async () => {
    measureBacklogWith(() => countPendingDispatches(db));
    const lagsBefore = await metricValue(workerMetrics, 'cascade_dispatch_lag_seconds', {}, 'count');
    const quickBefore = await metricValue(workerMetrics, 'cascade_dispatch_lag_seconds', { le: '0.25' });
    let room = 0;
    const batches: number[] = [];
    const dispatcher = startDispatcher({
      db, databaseUrl, logger, channel: DISPATCH_CHANNEL, idlePollMs: 20, pacingPollMs: 5, pacing: { room: async () => room, started: () => undefined },
      dispatchEvents: async (events) => {
        batches.push(events.length);
        return new Map(events.map((event) => [dispatchKey(event.tenantId, event.id), { ok: true, notes: [], decisions: [] }]));
      },
    });
    const ids = await storeEvents(30);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await dispatchedCount(ids)).toBe(0);
    expect(await metricValue(workerMetrics, 'cascade_dispatch_backlog')).toBe(30);
    room = 4;
    await until(async () => (await dispatchedCount(ids)) === ids.length);
    await dispatcher.stop();
    expect(batches.length).toBeGreaterThanOrEqual(8);
    expect(Math.max(...batches)).toBe(4);
    expect(await metricValue(workerMetrics, 'cascade_dispatch_backlog')).toBe(0);
    // Each waited at least the 300 ms the pacing held it back.
    expect(await metricValue(workerMetrics, 'cascade_dispatch_lag_seconds', {}, 'count')).toBe(lagsBefore + 30);
    expect(await metricValue(workerMetrics, 'cascade_dispatch_lag_seconds', { le: '0.25' })).toBe(quickBefore);
  });
});
