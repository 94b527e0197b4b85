import { validate } from 'uuid';

/** Whether a value is an RFC 9562 UUID, as event, run and workflow ids are: the one check, so every boundary agrees. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && validate(value);
}
