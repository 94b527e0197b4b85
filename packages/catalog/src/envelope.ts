import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { toFieldErrors, type FieldError } from './field-errors';
import { eventTypeNamePattern, eventTypeNamingHint } from './naming';

/**
 * The canonical event envelope (002 §1.2, DESIGN §3). Producers may leave out `id` (a time-ordered
 * UUIDv7 is generated), `version` (1) and `timestamp` (now). Unknown top-level fields are refused so
 * a misspelt `correlationID` is reported instead of silently dropped.
 */

export const actorTypes = ['HUMAN', 'AGENT', 'SYSTEM'] as const;
export const dataClassifications = ['L0', 'L1', 'L2', 'L3', 'L4'] as const;

const eventTypeNameSchema = z.string().regex(eventTypeNamePattern, eventTypeNamingHint).describe('Catalog event type');

/** Schema versions arrive as major numbers (1) or as strings ("1.0", "1.0.0"); the envelope keeps the major. */
/** PostgreSQL's integer, where versions are stored: a larger one cannot be looked up (it was a 500). */
const MAX_EVENT_VERSION = 2_147_483_647;

const eventVersionSchema = z.union(
  [
    z.number().int().positive().max(MAX_EVENT_VERSION),
    z
      .string()
      .regex(/^[1-9]\d*(?:\.\d+){0,2}$/)
      .transform((version) => Number(version.split('.')[0]))
      .refine((major) => major <= MAX_EVENT_VERSION, `The major version must be at most ${MAX_EVENT_VERSION}`),
  ],
  { error: 'Expected a positive integer or a version string such as "1.0.0"' },
);

const eventActorSchema = z.strictObject({
  id: z.string().min(1).describe('User, agent or service that caused the event'),
  type: z.enum(actorTypes).describe('Kind of actor'),
  role: z.string().min(1).optional().describe('RBAC role of the actor at the time'),
});

const eventMetadataSchema = z.strictObject({
  dataClassification: z.enum(dataClassifications).optional().describe('Data classification, L0 (public) to L4 (regulated)'),
  regulatory: z.boolean().optional().describe('Whether the event is compliance-relevant'),
  auditRequired: z.boolean().optional().describe('Whether an audit trail entry is mandatory'),
});

export const eventEnvelopeSchema = z.strictObject({
  // Generated values are supplied by a transform, not .default(): a default is written into the
  // JSON Schema of the API document, where a UUID or a time drawn at generation would mislead.
  id: z
    .uuid()
    .optional()
    .transform((id) => id ?? uuidv7())
    .describe('Event id; deduplication key. A UUIDv7 is generated when absent'),
  type: eventTypeNameSchema,
  version: eventVersionSchema.default(1).describe('Major version of the payload schema'),
  timestamp: z.iso
    .datetime({ offset: true })
    .optional()
    .transform((timestamp) => timestamp ?? new Date().toISOString())
    .describe('When the event happened; the time of receipt when absent'),
  source: z.string().min(1).describe('System that produced the event'),
  tenantId: z.string().min(1).optional().describe('Tenant the event belongs to'),
  correlationId: z.string().min(1).optional().describe('Id shared by every event of one request or process'),
  causationId: z.string().min(1).optional().describe('Id of the event or command that caused this one'),
  actor: eventActorSchema.optional(),
  data: z.record(z.string(), z.unknown()).describe('Payload, validated against the catalog schema of type@version'),
  metadata: eventMetadataSchema.optional(),
});

export type EventEnvelope = z.output<typeof eventEnvelopeSchema>;
export type EventEnvelopeInput = z.input<typeof eventEnvelopeSchema>;

export interface InvalidEnvelopeError {
  kind: 'invalid-envelope';
  message: string;
  errors: FieldError[];
}

export type EnvelopeParseResult = { ok: true; event: EventEnvelope } | { ok: false; error: InvalidEnvelopeError };

export function invalidEnvelope(errors: FieldError[]): { ok: false; error: InvalidEnvelopeError } {
  return { ok: false, error: { kind: 'invalid-envelope', message: 'The event envelope is invalid.', errors } };
}

/** Parses the canonical envelope. The payload in `data` is checked separately, against the catalog. */
export function parseEventEnvelope(input: unknown): EnvelopeParseResult {
  const result = eventEnvelopeSchema.safeParse(input, { reportInput: true });
  return result.success ? { ok: true, event: result.data } : invalidEnvelope(toFieldErrors(result.error.issues));
}
