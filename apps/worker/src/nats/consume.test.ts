import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '@cascade/db';
import { ensureDebianPackage, getFreePort, stopChild } from '@cascade/devstack';
import { createIngestion, DEFAULT_RESTRICTED_NAMESPACES } from '@cascade/ingestion';
import { createLogger } from '@cascade/logger';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { consumeNatsSource } from './consume';
import { REASON_HEADER, type NatsSource } from './sources';

const db = createDatabase(inject('databaseUrl'));
const logger = createLogger('nats-test', { level: 'silent' });
let server: ChildProcess;
let storeDir: string;
let nc: NatsConnection;
let slug: string;
let tenantId: string;

const source: NatsSource = { stream: 'WO_TEST', subjects: ['wo.>'], durable: 'cascade-test', tenant: { subjectToken: 1 }, createStream: true };

beforeAll(async () => {
  const binary = ensureDebianPackage('nats-server', '/usr/sbin/nats-server');
  const port = await getFreePort();
  storeDir = await mkdtemp(path.join(os.tmpdir(), 'cascade-nats-'));
  server = spawn(binary, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir], { stdio: 'ignore' });
  for (let attempt = 0; ; attempt += 1) {
    try {
      nc = await connect({ servers: `127.0.0.1:${port}` });
      break;
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  slug = `acme-${randomUUID().slice(0, 8)}`;
  tenantId = (await db.tenant.create({ data: { slug, name: 'Acme' } })).id;
});

afterAll(async () => {
  await nc?.close();
  if (server) await stopChild(server);
  await rm(storeDir, { recursive: true, force: true });
  await db.$disconnect();
});

const completed = (workOrderId: string) => ({
  id: randomUUID(),
  type: 'work_order.completed',
  source: 'qms',
  data: {
    tenantId: 'acme-biologics',
    workOrderId,
    masterId: null,
    completedAt: '2026-03-10T09:24:00Z',
    actualDurationHours: 2.4,
    estimatedDurationHours: 2,
    variancePercent: 20,
  },
});

async function drained(): Promise<void> {
  const jsm = await jetstreamManager(nc);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const info = await jsm.consumers.info(source.stream, source.durable);
    if (info.num_pending === 0 && info.num_ack_pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const info = await jsm.consumers.info(source.stream, source.durable);
  throw new Error(`the consumer did not drain: ${JSON.stringify({ pending: info.num_pending, ackPending: info.num_ack_pending, delivered: info.delivered, ackFloor: info.ack_floor })}`);
}

describe('NATS JetStream source', () => {
  it('stores valid messages once, dead-letters invalid ones with the reason, and resumes after a restart', async () => {
    const ingestion = createIngestion(db);
    const options = { nc, db, ingestion, logger, ingestOptions: { restrictedNamespaces: DEFAULT_RESTRICTED_NAMESPACES, maxCausationDepth: 20 } };
    const deadLetters: Array<{ subject: string; reason: string }> = [];
    const subscription = nc.subscribe('cascade.dlq.>', {
      callback: (_error, message) => {
        deadLetters.push({ subject: message.subject, reason: message.headers?.get(REASON_HEADER) ?? '' });
      },
    });

    let consumer = await consumeNatsSource(source, options);
    const js = jetstream(nc);
    const good = completed('wo-1');
    const subject = `wo.${slug}.work_order.completed`;
    await js.publish(subject, JSON.stringify(good));
    await js.publish(subject, JSON.stringify(good)); // redelivered by the producer: a duplicate
    await js.publish(subject, JSON.stringify({ ...completed('wo-2'), data: { workOrderId: 'wo-2' } }));
    await js.publish(subject, 'not json');
    await js.publish('wo.nobody.work_order.completed', JSON.stringify(completed('wo-3')));
    await drained();

    expect(await db.event.count({ where: { tenantId, id: good.id } })).toBe(1);
    expect(await db.event.count({ where: { tenantId, publishedBy: 'nats:WO_TEST' } })).toBe(1);
    await nc.flush();
    expect(deadLetters.map((d) => d.subject).sort()).toEqual([
      `cascade.dlq.${subject}`,
      `cascade.dlq.${subject}`,
      'cascade.dlq.wo.nobody.work_order.completed',
    ]);
    expect(deadLetters.map((d) => d.reason).join('\n')).toMatch(/422 .*\/data\/completedAt/);
    expect(deadLetters.map((d) => d.reason)).toContain('The message is not JSON');

    await consumer.stop();
    const whileStopped = completed('wo-4');
    await js.publish(subject, JSON.stringify(whileStopped));
    consumer = await consumeNatsSource(source, options);
    await drained();
    await consumer.stop();
    subscription.unsubscribe();
    expect(await db.event.count({ where: { tenantId, id: whileStopped.id } })).toBe(1);
  });
});
