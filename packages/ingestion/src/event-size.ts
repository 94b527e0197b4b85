import type { EventEnvelope, FieldError } from '@cascade/catalog';

/**
 * The largest event Cascade accepts: 512 KiB of its envelope as JSON (UTF-8). Every event may
 * trigger runs (a workflow published later, a replay), and a run carries its triggering event in
 * its Temporal input beside the workflow definition (up to 1 MiB, the validator's limit); a
 * waiting run receives it in a signal. Temporal refuses any payload over 2 MiB (its default blob
 * size limit) and warns from 512 KiB, so an event above this would be accepted and then fail to
 * start its runs, ending dead-lettered. Larger documents belong in storage the event points to.
 */
export const MAX_EVENT_BYTES = 512 * 1024;

export const eventSizeBytes = (envelope: EventEnvelope): number => Buffer.byteLength(JSON.stringify(envelope), 'utf8');

/** Why an event is too large to run, or undefined when it fits. */
export function eventTooLarge(envelope: EventEnvelope): { detail: string; errors: FieldError[] } | undefined {
  const size = eventSizeBytes(envelope);
  if (size <= MAX_EVENT_BYTES) return undefined;
  const detail = `The event takes ${size} bytes as JSON, beyond the limit of ${MAX_EVENT_BYTES} bytes (512 KiB) for an event that can trigger runs (Temporal carries it in each run’s input); put large documents in storage and send a reference`;
  return {
    detail,
    errors: [{ path: '/data', message: `event of ${size} bytes > ${MAX_EVENT_BYTES}`, expected: `an event of at most ${MAX_EVENT_BYTES} bytes as JSON` }],
  };
}
