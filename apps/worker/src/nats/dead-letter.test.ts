import { randomUUID } from 'node:crypto';
import { createIngestion, DEFAULT_RESTRICTED_NAMESPACES } from '@cascade/ingestion';
import { createLogger } from '@cascade/logger';
import { jetstream } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { collectDeadLetters, drained, useNatsTestContext } from '../testing/nats-server';
import { consumeNatsSource } from './consume';
import { toHeaderValue } from './dead-letter';
import type { NatsSource } from './sources';

const nats = useNatsTestContext('acme');
const { db } = nats;

describe('dead-lettering a NATS message', () => {
  it('dead-letters a message whose key holds CR LF, instead of redelivering it for ever', async () => {
    const source: NatsSource = { stream: 'WO_HEADERS', subjects: ['wo.>'], durable: 'cascade-test', tenant: { subjectToken: 1, allowed: [nats.slug] }, createStream: true };
    const ingestOptions = { restrictedNamespaces: DEFAULT_RESTRICTED_NAMESPACES, maxCausationDepth: 20 };
    const logger = createLogger('nats-dead-letter-test', { level: 'silent' });
    const deadLetters = collectDeadLetters(nats.nc);
    const consumer = await consumeNatsSource(source, { nc: nats.nc, db, ingestion: createIngestion(db), logger, ingestOptions });
    const subject = `wo.${nats.slug}.work_order.completed`;
    const hostile = { id: randomUUID(), type: 'work_order.completed', source: 'qms', 'x\r\nInjected: yes': 1, data: { tenantId: nats.slug } };

    await jetstream(nats.nc).publish(subject, JSON.stringify(hostile));
    await drained(nats.nc, source); // before the fix: nak'ed and redelivered until this gives up
    await consumer.stop();
    await nats.nc.flush();
    deadLetters.stop();

    expect(deadLetters.letters).toEqual([
      { subject: `cascade.dlq.${subject}`, reason: '400 The event envelope is invalid.: /x\\u000d\\u000aInjected: yes Unknown field' },
    ]);
    expect(await db.event.count({ where: { tenantId: nats.tenantId } })).toBe(0);
  });

  it('makes any reason a header value NATS accepts, bounded to 4,000 characters', () => {
    const hostile = `${'\u0000\u0007\t\r\n\u007f\u0085'.repeat(1_000)}😀`.repeat(3);
    const value = toHeaderValue(hostile);
    expect(value.length).toBeLessThanOrEqual(4_000);
    expect(value).not.toMatch(/\p{Cc}/u);
    expect(value).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/); // no surrogate cut in half
    expect(() => headers().set('Cascade-Reason', value)).not.toThrow();
    expect(toHeaderValue('403 /data/a\rb names tenant "x"')).toBe('403 /data/a\\u000db names tenant "x"');
  });
});
