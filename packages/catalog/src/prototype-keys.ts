import type { FieldError } from './field-errors';

const PROTOTYPE_KEY = '__proto__';
const MAX_REPORTED = 10;

const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Every `__proto__` key in a parsed JSON document, by JSON Pointer. JSON.parse keeps such a key as
 * an own property, but copying the object (as every parser of the envelope does) turns it into the
 * copy's prototype: the key vanished from what was stored while its fields still answered reads, so
 * a payload could pass the catalog schema with fields it did not hold. Walked without recursion,
 * so any depth of nesting costs no stack.
 */
export function findPrototypeKeys(document: unknown): FieldError[] {
  const found: FieldError[] = [];
  const pending: Array<{ value: unknown; path: string }> = [{ value: document, path: '' }];
  for (let next = pending.pop(); next && found.length < MAX_REPORTED; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value !== 'object' || value === null) continue;
    for (const key of Object.keys(value)) {
      const at = `${path}/${escapePointer(key)}`;
      if (key === PROTOTYPE_KEY) {
        found.push({ path: at, message: 'The key "__proto__" is not accepted: it would change the object it is copied into, not name a field', expected: 'any other key' });
      } else {
        pending.push({ value: (value as Record<string, unknown>)[key], path: at });
      }
    }
  }
  return found;
}
