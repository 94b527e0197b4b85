import { randomUUID } from 'node:crypto';
import { createDatabase } from '@cascade/db';
import { createIngestion, DEFAULT_RESTRICTED_NAMESPACES } from '@cascade/ingestion';
import { createLogger } from '@cascade/logger';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectDeadLetters, drained as drainedConsumer, startNatsServer, type TestNatsServer } from '../testing/nats-server';
import { consumeNatsSource } from './consume';
import type { NatsSource } from './sources';

const db = createDatabase(inject('databaseUrl'));
const logger = createLogger('nats-test', { level: 'silent' });
let server: TestNatsServer;
let nc: NatsConnection;
let slug: string;
let tenantId: string;
let source: NatsSource;

beforeAll(async () => {
  server = await startNatsServer();
  nc = await connect({ servers: server.address });
  slug = `acme-${randomUUID().slice(0, 8)}`;
  tenantId = (await db.tenant.create({ data: { slug, name: 'Acme' } })).id;
  source = { stream: 'WO_TEST', subjects: ['wo.>'], durable: 'cascade-test', tenant: { subjectToken: 1, allowed: [slug, 'nobody'] }, createStream: true };
});

afterAll(async () => {
  await nc?.close();
  await server?.stop();
  await db.$disconnect();
});

const drained = () => drainedConsumer(nc, source);

const completed = (workOrderId: string) => ({
  id: randomUUID(),
  type: 'work_order.completed',
  source: 'qms',
  data: {
    tenantId: slug,
    workOrderId,
    masterId: null,
    completedAt: '2026-03-10T09:24:00Z',
    actualDurationHours: 2.4,
    estimatedDurationHours: 2,
    variancePercent: 20,
  },
});

describe('NATS JetStream source', () => {
  it('stores valid messages once, dead-letters invalid ones with the reason, and resumes after a restart', async () => {
    const ingestion = createIngestion(db);
    const options = { nc, db, ingestion, logger, ingestOptions: { restrictedNamespaces: DEFAULT_RESTRICTED_NAMESPACES, maxCausationDepth: 20 } };
    const { letters: deadLetters, stop: stopCollecting } = collectDeadLetters(nc);

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
    stopCollecting();
    expect(await db.event.count({ where: { tenantId, id: whileStopped.id } })).toBe(1);
  });
});
