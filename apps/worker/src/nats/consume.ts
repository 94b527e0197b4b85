import type { Database } from '@cascade/db';
import type { IngestOptions, Ingestion } from '@cascade/ingestion';
import type { Logger } from '@cascade/logger';
import { contextOfHeaders, SpanKind, withSpan } from '@cascade/telemetry';
import type { FieldError } from '@cascade/catalog';
import { AckPolicy, jetstream, jetstreamManager, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { deadLetter } from './dead-letter';
import { createTenantResolver, foreignTenantNames, namingTenantById } from './source-tenant';
import type { NatsSource } from './sources';

const BATCH = 100;

export interface NatsConsumerOptions {
  nc: NatsConnection;
  db: Database;
  ingestion: Ingestion;
  ingestOptions: IngestOptions;
  logger: Logger;
}

/**
 * Consumes one JetStream source through the same ingestion path as HTTP, for the tenant the source is
 * bound to; a message naming another tenant is dead-lettered. A message is acked only
 * after its event is committed (or found to be a duplicate); an invalid one is republished to the
 * dead-letter subject with the reason and terminated; a transient failure (database down) is
 * nak'ed and redelivered. Messages are handled in order, a batch at a time. A message carrying a
 * W3C `traceparent` header continues its producer's trace, as an HTTP request does, and the event
 * stores it for the dispatcher.
 */
export async function consumeNatsSource(source: NatsSource, options: NatsConsumerOptions): Promise<{ stop(): Promise<void> }> {
  const { nc, logger } = options;
  const jsm = await jetstreamManager(nc);
  if (source.createStream) {
    await jsm.streams.info(source.stream).catch(() => jsm.streams.add({ name: source.stream, subjects: source.subjects }));
  }
  await jsm.consumers.info(source.stream, source.durable).catch(() =>
    jsm.consumers.add(source.stream, { durable_name: source.durable, ack_policy: AckPolicy.Explicit, max_deliver: -1 }),
  );
  const consumer = await jetstream(nc).consumers.get(source.stream, source.durable);
  const tenantOf = createTenantResolver(source, options.db);
  let running = true;

  const handle = (message: JsMsg) =>
    withSpan(
      `receive ${source.stream}`,
      {
        kind: SpanKind.CONSUMER,
        parent: contextOfHeaders((name) => message.headers?.get(name) || undefined),
        attributes: { 'messaging.system': 'nats', 'messaging.destination.name': source.stream },
      },
      () => store(message),
    );

  const store = async (message: JsMsg) => {
    let body: unknown;
    try {
      body = message.json();
    } catch {
      return deadLetter(nc, logger, message, 'The message is not JSON');
    }
    const outcome = await tenantOf(message.subject);
    if ('refusal' in outcome) return deadLetter(nc, logger, message, outcome.refusal);
    const { tenant } = outcome;
    const foreign = foreignTenantNames(body, tenant);
    if (foreign.length) {
      return deadLetter(nc, logger, message, describeProblem(403, `The message names another tenant than stream ${source.stream} is bound to`, foreign));
    }
    const publisher = { tenantId: tenant.id, id: `nats:${source.stream}`, namespaces: [], service: source.service ?? null };
    const { rejected } = await options.ingestion.ingest(publisher, [namingTenantById(body, tenant)], options.ingestOptions);
    const [problem] = rejected;
    if (problem) return deadLetter(nc, logger, message, describeProblem(problem.status, problem.detail, problem.errors));
    message.ack();
  };

  const loop = (async () => {
    while (running) {
      try {
        const batch = await consumer.fetch({ max_messages: BATCH, expires: 1_000 });
        for await (const message of batch) {
          try {
            await handle(message);
          } catch (error) {
            logger.warn({ err: error, subject: message.subject }, 'NATS message not stored; it will be redelivered');
            message.nak(2_000);
          }
        }
      } catch (error) {
        if (running) logger.warn({ err: error, stream: source.stream }, 'NATS fetch failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}

const describeProblem = (status: number, detail: string, errors: readonly FieldError[]) =>
  `${status} ${detail}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`;
