import { stoppedError } from './expression-error';

/**
 * Deepest result copied: the copy recurses, and an event nested a few thousand levels deep (JSON
 * and PostgreSQL accept it) overflowed the stack, which failed the run's workflow task instead of
 * the expression. No workflow reads data this deep.
 */
export const MAX_RESULT_DEPTH = 500;

/**
 * A plain JSON copy of an expression's result, refused as soon as its serialised form would pass
 * `maxChars` (measured while copying, so a huge result is never serialised whole). JSONata marks
 * its arrays with extra properties and can return functions; steps and events store plain JSON.
 */
export function toBoundedJson(value: unknown, maxChars: number): unknown {
  let size = 0;
  const count = (chars: number) => {
    size += chars;
    if (size > maxChars) throw stoppedError(`its result is larger than ${maxChars} characters as JSON`);
  };
  const copy = (item: unknown, depth = 0): unknown => {
    if (depth > MAX_RESULT_DEPTH) throw stoppedError(`its result is nested deeper than ${MAX_RESULT_DEPTH} levels`);
    if (item === null || typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
      count(JSON.stringify(item).length);
      return item;
    }
    if (Array.isArray(item)) {
      count(2 + Math.max(item.length - 1, 0));
      return item.map((element) => copy(element, depth + 1) ?? null);
    }
    if (typeof item === 'object' && !isJsonataFunction(item)) {
      const entries = Object.entries(item).filter(([, property]) => isJsonValue(property));
      count(2 + Math.max(entries.length - 1, 0));
      // fromEntries defines own properties, so a `__proto__` key stays a plain key.
      return Object.fromEntries(entries.map(([key, property]) => (count(JSON.stringify(key).length + 1), [key, copy(property, depth + 1)])));
    }
    return undefined;
  };
  return copy(value);
}

function isJsonataFunction(value: object): boolean {
  return '_jsonata_lambda' in value || '_jsonata_function' in value;
}

function isJsonValue(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && !(typeof value === 'object' && value !== null && isJsonataFunction(value));
}
