import { getEventDefinition } from '@cascade/catalog';
import { eventInScope, type ValidationCatalog } from '@cascade/workflow';
import { sampleOf } from './sample-values';

/** Which event the previews evaluate against: the type's catalog example, one generated from its schema, or a real one from the log. */
export type SampleChoice = { kind: 'example' } | { kind: 'generated' } | { kind: 'past'; eventId: string };

/** An event envelope for previews, and what of it is made up (said in the UI). */
export interface SampleEvent {
  envelope: Record<string, unknown>;
  /** `the payload is the catalog example of X; the envelope around it is made up`, or undefined for a real event. */
  madeUp?: string;
}

/** The envelope fields around a payload that is not a real event's. */
const PLACEHOLDER_ENVELOPE = {
  id: '00000000-0000-4000-8000-000000000000',
  timestamp: '2026-01-01T00:00:00Z',
  source: 'preview',
  tenantId: 'preview-tenant',
  correlationId: 'preview-correlation',
  actor: { id: 'preview-user', type: 'HUMAN', role: 'admin' },
  metadata: { dataClassification: 'L1', regulatory: false, auditRequired: false },
};

/**
 * The catalog's example payload of `eventType` in a placeholder envelope; a type without an
 * example (one the tenant registered) falls back to a payload generated from its schema.
 */
export function catalogExampleEvent(eventType: string, catalog: ValidationCatalog): SampleEvent {
  const definition = getEventDefinition(eventType);
  if (!definition) return generatedEvent(eventType, catalog);
  return {
    envelope: { ...PLACEHOLDER_ENVELOPE, type: eventType, version: definition.version, data: definition.example },
    madeUp: `the payload is the catalog example of ${eventType}; the envelope fields around it are placeholders`,
  };
}

/** An event of `eventType` generated from its payload schema, every field filled with a sample value. */
export function generatedEvent(eventType: string, catalog: ValidationCatalog): SampleEvent {
  const [root] = eventInScope(eventType, catalog);
  const generated = root ? (sampleOf(root) as Record<string, unknown>) : {};
  return {
    envelope: { ...generated, ...PLACEHOLDER_ENVELOPE, type: eventType, version: catalog.getEvent(eventType)?.version ?? 1, data: generated.data ?? {} },
    madeUp: `the whole event is generated from the schema of ${eventType}`,
  };
}

/** What GET /api/v1/events/{id} answers, as far as an envelope needs it. */
export interface LoggedEvent {
  id: string;
  type: string;
  version: number;
  source: string;
  timestamp: string;
  correlationId: string | null;
  causationId: string | null;
  actor: unknown;
  data: unknown;
  metadata: unknown;
}

/**
 * A real event from the log as the engine hands it to a run (`toEnvelope`: absent fields are null).
 * The API does not repeat the tenant, which is the caller's own: `tenantId` fills it when known.
 */
export function loggedEventEnvelope(event: LoggedEvent, tenantId: string | null = null): SampleEvent {
  const { id, type, version, timestamp, source, correlationId, causationId, actor, data, metadata } = event;
  return { envelope: { id, type, version, timestamp, source, tenantId, correlationId, causationId, actor, data, metadata } };
}
