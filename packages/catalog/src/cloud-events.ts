import { v5 as uuidv5 } from 'uuid';
import { isUuid } from './uuid';
import { z } from 'zod';
import { eventEnvelopeSchema, invalidEnvelope, type EnvelopeParseResult } from './envelope';
import { toFieldErrors, type FieldError } from './field-errors';

/**
 * CloudEvents 1.0, structured JSON mode, mapped onto the canonical envelope. Cascade's envelope
 * fields travel as extension attributes (lower-case, no separators, as the spec requires):
 * `tenantid`, `correlationid`, `causationid`, `dataversion`, `actorid`, `actortype`, `actorrole`,
 * `dataclassification`, `regulatory`, `auditrequired`. `subject` is accepted and not kept: Cascade
 * events name their entity inside `data`.
 */
/** Text the envelope id is derived from must be Unicode: a lone UTF-16 surrogate has no UTF-8 bytes to hash. */
const unicodeText = z
  .string()
  .min(1)
  .refine((text) => !/\p{Cs}/u.test(text), 'must be Unicode text, without lone UTF-16 surrogates');

export const cloudEventAttributesSchema = z.looseObject({
  specversion: z.literal('1.0'),
  id: unicodeText,
  source: unicodeText,
  datacontenttype: z
    .string()
    .regex(/^application\/(?:[\w.-]+\+)?json(?:\s*;.*)?$/i, 'Expected a JSON content type such as application/json')
    .optional(),
  dataschema: z.string().min(1).optional(),
  subject: z.string().optional(),
  data_base64: z.never({ error: 'Binary data is not supported; send the payload as JSON in "data"' }).optional(),
});

/** Where each envelope field came from, so envelope errors point at the attribute the producer sent. */
const attributeOfEnvelopePath: Record<string, string> = {
  '/version': '/dataversion',
  '/timestamp': '/time',
  '/tenantId': '/tenantid',
  '/correlationId': '/correlationid',
  '/causationId': '/causationid',
  '/actor/id': '/actorid',
  '/actor/type': '/actortype',
  '/actor/role': '/actorrole',
  '/metadata/dataClassification': '/dataclassification',
  '/metadata/regulatory': '/regulatory',
  '/metadata/auditRequired': '/auditrequired',
};

/** Namespace for ids derived from non-UUID CloudEvent ids (CloudEvents only promise source + id unique). */
const cloudEventIdNamespace = '6f1c9a52-3b8e-4d07-9a41-2c5e8f0b7d13';

export function fromCloudEvent(input: unknown): EnvelopeParseResult {
  const attributes = cloudEventAttributesSchema.safeParse(input, { reportInput: true });
  if (!attributes.success) return invalidEnvelope(toFieldErrors(attributes.error.issues));
  const event = attributes.data as Record<string, unknown>;

  const envelope = eventEnvelopeSchema.safeParse(toEnvelopeInput(event), { reportInput: true });
  if (envelope.success) return { ok: true, event: envelope.data };
  return invalidEnvelope(toFieldErrors(envelope.error.issues).map(pointAtAttribute));
}

function toEnvelopeInput(event: Record<string, unknown>) {
  const id = String(event.id);
  const actor = withoutUndefined({ id: event.actorid, type: event.actortype, role: event.actorrole });
  const metadata = withoutUndefined({
    dataClassification: event.dataclassification,
    regulatory: event.regulatory,
    auditRequired: event.auditrequired,
  });
  return withoutUndefined({
    // Redelivery of the same CloudEvent must map to the same envelope id, or deduplication breaks.
    id: isUuid(id) ? id : uuidv5(`${String(event.source)}\n${id}`, cloudEventIdNamespace),
    type: event.type,
    version: event.dataversion ?? versionFromDataSchema(event.dataschema),
    timestamp: event.time,
    source: event.source,
    tenantId: event.tenantid,
    correlationId: event.correlationid,
    causationId: event.causationid,
    actor: Object.keys(actor).length > 0 ? actor : undefined,
    data: event.data,
    metadata: Object.keys(metadata).length > 0 ? metadata : undefined,
  });
}

/** `…/payload.InvoiceOverdue.v2` (a payloadSchemaRef) names the version when `dataversion` does not. */
function versionFromDataSchema(dataschema: unknown): number | undefined {
  const match = typeof dataschema === 'string' ? dataschema.match(/\.v(\d+)$/) : null;
  return match ? Number(match[1]) : undefined;
}

function pointAtAttribute(error: FieldError): FieldError {
  const attribute = Object.keys(attributeOfEnvelopePath).find((path) => error.path === path || error.path.startsWith(`${path}/`));
  return attribute ? { ...error, path: error.path.replace(attribute, attributeOfEnvelopePath[attribute] as string) } : error;
}

function withoutUndefined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
