import { z } from 'zod';

/** A tenant named in configuration: its slug, or its id (a UUID). One subject token, so no `.`, `*`, `>` or space. */
const tenantRef = z.string().regex(/^[^.*>\s]+$/, 'must be a tenant slug or id (one subject token)');

/**
 * Which tenant a source's messages belong to. It is a property of the source, never of the message:
 * a message could name any tenant. Either one tenant for the whole source (004's
 * `platform.{domain}.events` carries no tenant in its subject), or a subject token that must be one
 * of the listed tenants (002's `wo.{tenant}.{domain}.{event}`: token 1), so NATS permissions on the
 * subjects decide which credential may publish for which tenant.
 */
export const sourceTenantSchema = z.union(
  [
    z.strictObject({ slug: tenantRef }),
    z.strictObject({ id: z.uuid() }),
    z.strictObject({ subjectToken: z.number().int().min(0), allowed: z.array(tenantRef).min(1, 'must list at least one tenant slug or id') }),
  ],
  { error: 'must be {"slug": "<tenant>"}, {"id": "<tenant uuid>"} or {"subjectToken": <n>, "allowed": ["<tenant slug or id>", ...]}' },
);

/** A JetStream stream Cascade consumes durably, bound to its tenant(s) by configuration. */
export const natsSourceSchema = z.object({
  stream: z.string().min(1),
  subjects: z.array(z.string().min(1)).min(1),
  /** Durable consumer name; redeliveries and restarts resume where it stopped. */
  durable: z.string().min(1).default('cascade-ingest'),
  tenant: sourceTenantSchema,
  /** The service publishing on these subjects, for restricted namespaces (e.g. `money` for platform.money.events). */
  service: z.string().optional(),
  /** Create the stream when it is missing (development; in production producers own their streams). */
  createStream: z.boolean().default(false),
});

export type NatsSource = z.infer<typeof natsSourceSchema>;
export type SourceTenant = z.infer<typeof sourceTenantSchema>;

/** Subject prefix invalid messages are republished under, with the reason in a header. */
export const DEAD_LETTER_PREFIX = 'cascade.dlq';
export const REASON_HEADER = 'Cascade-Reason';
