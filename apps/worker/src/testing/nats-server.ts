import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureDebianPackage, getFreePort, isPortInUse, stopChild } from '@cascade/devstack';
import { createDatabase, type Database } from '@cascade/db';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, inject } from 'vitest';
import { REASON_HEADER, type NatsSource } from '../nats/sources';

export interface TestNatsServer {
  /** `127.0.0.1:<port>`, without credentials. */
  address: string;
  stop(): Promise<void>;
}

/** Starts Debian's nats-server with JetStream in a temporary store; `args` adds e.g. `--user`/`--pass`. */
export async function startNatsServer(args: string[] = []): Promise<TestNatsServer> {
  const binary = ensureDebianPackage('nats-server', '/usr/sbin/nats-server');
  const port = await getFreePort();
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'cascade-nats-'));
  const server = spawn(binary, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir, ...args], { stdio: 'ignore' });
  for (let attempt = 0; !(await isPortInUse(port)); attempt += 1) {
    if (attempt > 100) throw new Error(`nats-server did not listen on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    address: `127.0.0.1:${port}`,
    async stop() {
      await stopChild(server);
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the source's durable consumer has nothing pending or unacknowledged. */
export async function drained(nc: NatsConnection, source: NatsSource): Promise<void> {
  const jsm = await jetstreamManager(nc);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const info = await jsm.consumers.info(source.stream, source.durable);
    if (info.num_pending === 0 && info.num_ack_pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const info = await jsm.consumers.info(source.stream, source.durable);
  throw new Error(`the consumer did not drain: ${JSON.stringify({ pending: info.num_pending, ackPending: info.num_ack_pending, delivered: info.delivered, ackFloor: info.ack_floor })}`);
}

/** Collects what is republished under `cascade.dlq.>` with its reason header. */
export function collectDeadLetters(nc: NatsConnection): { letters: Array<{ subject: string; reason: string }>; stop(): void } {
  const letters: Array<{ subject: string; reason: string }> = [];
  const subscription = nc.subscribe('cascade.dlq.>', {
    callback: (_error, message) => {
      letters.push({ subject: message.subject, reason: message.headers?.get(REASON_HEADER) ?? '' });
    },
  });
  return { letters, stop: () => subscription.unsubscribe() };
}

/** What a NATS test file works with: a server, a connection to it, and a tenant messages name by its slug. */
export interface NatsTestContext {
  db: Database;
  server: TestNatsServer;
  nc: NatsConnection;
  slug: string;
  tenantId: string;
}

/** Starts the context before the file's tests and stops it after them; the tenant's slug, `<prefix>-<random>`, is known at once. */
export function useNatsTestContext(prefix: string): NatsTestContext {
  const context = { db: createDatabase(inject('databaseUrl')), slug: `${prefix}-${randomUUID().slice(0, 8)}` } as NatsTestContext;
  beforeAll(async () => {
    context.server = await startNatsServer();
    context.nc = await connect({ servers: context.server.address });
    context.tenantId = (await context.db.tenant.create({ data: { slug: context.slug, name: prefix } })).id;
  });
  afterAll(async () => {
    await context.nc?.close();
    await context.server?.stop();
    await context.db.$disconnect();
  });
  return context;
}

/** A valid `work_order.completed` envelope of the tenant slugged `slug`, as a producer publishes it. */
export const workOrderCompleted = (slug: string, workOrderId: string) => ({
  id: randomUUID(),
  type: 'work_order.completed',
  source: 'qms',
  data: { tenantId: slug, workOrderId, masterId: null, completedAt: '2026-03-10T09:24:00Z', actualDurationHours: 2.4, estimatedDurationHours: 2, variancePercent: 20 },
});
