import { randomBytes } from 'node:crypto';
import { createIngestion, DEFAULT_RESTRICTED_NAMESPACES } from '@cascade/ingestion';
import { createLogger } from '@cascade/logger';
import { startTracing } from '@cascade/telemetry/setup';
import { startOtlpReceiver } from '@cascade/telemetry/testing';
import { jetstream } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import { afterAll, expect, it } from 'vitest';
import { drained, useNatsTestContext, workOrderCompleted } from '../testing/nats-server';
import { consumeNatsSource } from './consume';
import type { NatsSource } from './sources';

// Tracing on, as OTEL_EXPORTER_OTLP_ENDPOINT turns it on in the worker, exporting to a collector here.
const receiver = await startOtlpReceiver();
const tracing = startTracing('cascade-worker', { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url })!;
const nats = useNatsTestContext('traced');
const { db } = nats;
afterAll(async () => {
  await tracing.shutdown();
  await receiver.stop();
});

const completed = (workOrderId: string) => workOrderCompleted(nats.slug, workOrderId);

it('continues the trace a message names in its traceparent header, and stores it with the event for the dispatcher', async () => {
  const source: NatsSource = { stream: 'WO_TRACED', subjects: ['traced.>'], durable: 'cascade-traced', tenant: { subjectToken: 1, allowed: [nats.slug] }, createStream: true };
  const ingestion = createIngestion(db);
  const consumer = await consumeNatsSource(source, {
    nc: nats.nc, db, ingestion,
    logger: createLogger('nats-tracing-test', { level: 'silent' }),
    ingestOptions: { restrictedNamespaces: DEFAULT_RESTRICTED_NAMESPACES, maxCausationDepth: 20 },
  });
  const producerTrace = randomBytes(16).toString('hex');
  const producerSpan = randomBytes(8).toString('hex');
  const traced = headers();
  traced.set('traceparent', `00-${producerTrace}-${producerSpan}-01`);
  const withTrace = completed('wo-traced');
  const withoutTrace = completed('wo-untraced');
  const subject = `traced.${nats.slug}.work_order.completed`;
  await jetstream(nats.nc).publish(subject, JSON.stringify(withTrace), { headers: traced });
  await jetstream(nats.nc).publish(subject, JSON.stringify(withoutTrace));
  await drained(nats.nc, source);
  await consumer.stop();
  await tracing.flush();

  const stored = await db.event.findUniqueOrThrow({ where: { tenantId_id: { tenantId: nats.tenantId, id: withTrace.id } } });
  // The stored parent is the consumer's span, a child of the producer's, in the producer's trace.
  const [, traceId, spanId] = stored.traceParent!.split('-');
  expect(traceId).toBe(producerTrace);
  const receive = receiver.spans.find((span) => span.spanId === spanId);
  expect(receive).toMatchObject({ name: 'receive WO_TRACED', parentSpanId: producerSpan, attributes: { 'messaging.system': 'nats' } });

  // A message without the header starts a trace of its own.
  const untraced = await db.event.findUniqueOrThrow({ where: { tenantId_id: { tenantId: nats.tenantId, id: withoutTrace.id } } });
  expect(untraced.traceParent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  expect(untraced.traceParent!.split('-')[1]).not.toBe(producerTrace);
});
