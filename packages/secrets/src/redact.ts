import { encodedForms } from './encoded-forms';
import { createSpanReplacer } from './replace-spans';

/** Returns a copy of a value with every secret replaced; the input is never modified. */
export type Redactor = (value: unknown) => unknown;

/** A revealed secret; named ones are replaced by `[redacted:<name>]`, bare values by `[redacted]`. */
export interface NamedSecret {
  name: string;
  value: string;
}

/** Shorter values are not redacted: replacing every "a" or "42" would garble records, not protect them. */
export const MIN_REDACTED_LENGTH = 4;

/**
 * Builds a function that deep-replaces the given secret values wherever they occur: inside
 * strings (also as substrings), object keys, arrays, Maps, Sets and errors (message, stack,
 * cause). Also catches a value in the forms it takes inside requests, responses and logs:
 * JSON-escaped, URL-encoded, hex and base64 (see encodedForms). The worker runs every step's
 * input, output, error and log line through it. Time is linear in the size of what it redacts.
 */
export function createRedactor(secrets: Iterable<string | NamedSecret>): Redactor {
  const markers = new Map<string, string>();
  for (const secret of secrets) {
    const { value, marker } = typeof secret === 'string' ? { value: secret, marker: '[redacted]' } : { value: secret.value, marker: `[redacted:${secret.name}]` };
    if (value.length < MIN_REDACTED_LENGTH) continue;
    for (const form of encodedForms(value)) {
      if (form.length >= MIN_REDACTED_LENGTH && !markers.has(form)) markers.set(form, marker);
    }
  }
  if (markers.size === 0) return (value) => value;
  const redactString = createSpanReplacer([...markers].map(([text, marker]) => ({ text, marker })));
  return (value) => redactDeep(value, redactString, new WeakMap());
}

function redactDeep(value: unknown, redactString: (text: string) => string, seen: WeakMap<object, unknown>): unknown {
  if (typeof value === 'string') return redactString(value);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  const walk = (inner: unknown) => redactDeep(inner, redactString, seen);

  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(walk(item));
    return copy;
  }
  if (value instanceof Map) {
    const copy = new Map();
    seen.set(value, copy);
    for (const [key, item] of value) copy.set(walk(key), walk(item));
    return copy;
  }
  if (value instanceof Set) {
    const copy = new Set();
    seen.set(value, copy);
    for (const item of value) copy.add(walk(item));
    return copy;
  }
  if (value instanceof Error) return redactError(value, walk, seen);
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[redactString(key)] = walk(item);
  return copy;
}

/** Keeps the error's class (so `instanceof` and failure types survive) and every own property. */
function redactError(error: Error, walk: (value: unknown) => unknown, seen: WeakMap<object, unknown>): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  seen.set(error, copy);
  for (const key of Reflect.ownKeys(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key)!;
    const { enumerable, configurable } = descriptor;
    const value = 'value' in descriptor ? descriptor.value : Reflect.get(error, key);
    Object.defineProperty(copy, key, { value: walk(value), enumerable, configurable, writable: true });
  }
  return copy;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
