import { fromCloudEvent } from './cloud-events';
import { invalidEnvelope, parseEventEnvelope, type EnvelopeParseResult } from './envelope';
import { findPrototypeKeys } from './prototype-keys';

/**
 * Reads an event posted in either accepted form: a CloudEvents 1.0 structured JSON event (it has
 * `specversion`) or Cascade's canonical envelope. Both come out as the canonical envelope.
 */
export function parseIncomingEvent(input: unknown): EnvelopeParseResult {
  const prototypeKeys = findPrototypeKeys(input);
  if (prototypeKeys.length) return invalidEnvelope(prototypeKeys);
  const isCloudEvent = typeof input === 'object' && input !== null && 'specversion' in input;
  return isCloudEvent ? fromCloudEvent(input) : parseEventEnvelope(input);
}
