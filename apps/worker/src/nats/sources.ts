import { z } from 'zod';

/**
 * A JetStream stream Cascade consumes durably. The tenant of each message comes from a subject
 * token (002's `wo.{tenant}.{domain}.{event}`: token 1) or from the envelope's `tenantId`
 * (004's `platform.{domain}.events`).
 */
export const natsSourceSchema = z.object({
  stream: z.string().min(1),
  subjects: z.array(z.string().min(1)).min(1),
  /** Durable consumer name; redeliveries and restarts resume where it stopped. */
  durable: z.string().min(1).default('cascade-ingest'),
  tenant: z.union([z.object({ subjectToken: z.number().int().min(0) }), z.literal('envelope')]),
  /** The service publishing on these subjects, for restricted namespaces (e.g. `money` for platform.money.events). */
  service: z.string().optional(),
  /** Create the stream when it is missing (development; in production producers own their streams). */
  createStream: z.boolean().default(false),
});

export type NatsSource = z.infer<typeof natsSourceSchema>;

/** The two layouts of the source documents, used when NATS_SOURCES is not set. */
export const DEFAULT_NATS_SOURCES: NatsSource[] = [
  { stream: 'WORK_ORDERS', subjects: ['wo.>'], durable: 'cascade-ingest', tenant: { subjectToken: 1 }, createStream: true },
  { stream: 'PLATFORM', subjects: ['platform.*.events'], durable: 'cascade-ingest', tenant: 'envelope', createStream: true },
];

/** Subject prefix invalid messages are republished under, with the reason in a header. */
export const DEAD_LETTER_PREFIX = 'cascade.dlq';
export const REASON_HEADER = 'Cascade-Reason';
