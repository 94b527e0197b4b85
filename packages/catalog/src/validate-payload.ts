import { getEventDefinition, listEventVersions, type CatalogEventDefinition } from './catalog';
import type { EventEnvelope } from './envelope';
import { toFieldErrors, type FieldError } from './field-errors';

export interface UnknownEventTypeError {
  kind: 'unknown-event-type';
  message: string;
  type: string;
}

export interface UnknownEventVersionError {
  kind: 'unknown-event-version';
  message: string;
  type: string;
  version: number;
  availableVersions: number[];
}

export interface InvalidPayloadError {
  kind: 'invalid-payload';
  message: string;
  type: string;
  version: number;
  errors: FieldError[];
}

export type PayloadError = UnknownEventTypeError | UnknownEventVersionError | InvalidPayloadError;

export type PayloadValidationResult =
  | { ok: true; definition: CatalogEventDefinition; data: Record<string, unknown> }
  | { ok: false; error: PayloadError };

/**
 * Checks an event's `data` against the catalog schema of `type`@`version`. Error paths point into
 * the submitted event (`/data/applications/0/amountApplied`). An unknown type is its own error kind,
 * so the API can go on to look for a tenant-registered type of that name.
 */
export function validatePayload(type: string, version: number, data: unknown): PayloadValidationResult {
  const availableVersions = listEventVersions(type);
  if (availableVersions.length === 0) {
    return { ok: false, error: { kind: 'unknown-event-type', type, message: `Unknown event type "${type}".` } };
  }
  const definition = getEventDefinition(type, version);
  if (!definition) {
    const message = `Event type "${type}" has no version ${version}; available: ${availableVersions.join(', ')}.`;
    return { ok: false, error: { kind: 'unknown-event-version', type, version, availableVersions, message } };
  }
  const result = definition.payload.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, definition, data: result.data };
  const errors = toFieldErrors(result.error.issues, '/data');
  const message = `The data of ${type} v${version} does not match its schema (${errors.length} ${errors.length === 1 ? 'error' : 'errors'}).`;
  return { ok: false, error: { kind: 'invalid-payload', type, version, message, errors } };
}

/**
 * Validates the payload of a parsed envelope and checks that the payload's `tenantId`, where both
 * carry one, names the same tenant as the envelope.
 */
export function validateEventData(event: EventEnvelope): PayloadValidationResult {
  const result = validatePayload(event.type, event.version, event.data);
  if (!result.ok || event.tenantId === undefined) return result;
  const payloadTenant = result.data.tenantId;
  if (typeof payloadTenant !== 'string' || payloadTenant === event.tenantId) return result;
  const mismatch: FieldError = {
    path: '/data/tenantId',
    message: `Payload tenant "${payloadTenant}" differs from the envelope's tenantId "${event.tenantId}"`,
    expected: `"${event.tenantId}"`,
    received: `"${payloadTenant}"`,
  };
  return {
    ok: false,
    error: { kind: 'invalid-payload', type: event.type, version: event.version, message: 'The payload names another tenant than the envelope.', errors: [mismatch] },
  };
}
