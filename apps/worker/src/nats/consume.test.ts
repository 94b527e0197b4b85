import { createIngestion, DEFAULT_RESTRICTED_NAMESPACES } from '@cascade/ingestion';
import { createLogger } from '@cascade/logger';
import { jetstream } from '@nats-io/jetstream';
import { describe, expect, it } from 'vitest';
import { collectDeadLetters, drained as drainedConsumer, useNatsTestContext, workOrderCompleted } from '../testing/nats-server';
import { consumeNatsSource } from './consume';
import type { NatsSource } from './sources';

const nats = useNatsTestContext('acme');
const { db } = nats;
const logger = createLogger('nats-test', { level: 'silent' });
const source: NatsSource = { stream: 'WO_TEST', subjects: ['wo.>'], durable: 'cascade-test', tenant: { subjectToken: 1, allowed: [nats.slug, 'nobody'] }, createStream: true };

const drained = () => drainedConsumer(nats.nc, source);

const completed = (workOrderId: string) => workOrderCompleted(nats.slug, workOrderId);

describe('NATS JetStream source', () => {
  it('stores valid messages once, dead-letters invalid ones with the reason, and resumes after a restart', async () => {
    const ingestion = createIngestion(db);
    const options = { nc: nats.nc, db, ingestion, logger, ingestOptions: { restrictedNamespaces: DEFAULT_RESTRICTED_NAMESPACES, maxCausationDepth: 20 } };
    const { letters: deadLetters, stop: stopCollecting } = collectDeadLetters(nats.nc);

    let consumer = await consumeNatsSource(source, options);
    const js = jetstream(nats.nc);
    const good = completed('wo-1');
    const subject = `wo.${nats.slug}.work_order.completed`;
    await js.publish(subject, JSON.stringify(good));
    await js.publish(subject, JSON.stringify(good)); // redelivered by the producer: a duplicate
    await js.publish(subject, JSON.stringify({ ...completed('wo-2'), data: { workOrderId: 'wo-2' } }));
    await js.publish(subject, 'not json');
    await js.publish('wo.nobody.work_order.completed', JSON.stringify(completed('wo-3')));
    await drained();

    expect(await db.event.count({ where: { tenantId: nats.tenantId, id: good.id } })).toBe(1);
    expect(await db.event.count({ where: { tenantId: nats.tenantId, publishedBy: 'nats:WO_TEST' } })).toBe(1);
    await nats.nc.flush();
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
    expect(await db.event.count({ where: { tenantId: nats.tenantId, id: whileStopped.id } })).toBe(1);
  });
});
