import { stoppedError } from './expression-error';

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
  const copy = (item: unknown): unknown => {
    if (item === null || typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
      count(JSON.stringify(item).length);
      return item;
    }
    if (Array.isArray(item)) {
      count(2 + Math.max(item.length - 1, 0));
      return item.map((element) => copy(element) ?? null);
    }
    if (typeof item === 'object' && !isJsonataFunction(item)) {
      const entries = Object.entries(item).filter(([, property]) => isJsonValue(property));
      count(2 + Math.max(entries.length - 1, 0));
      // fromEntries defines own properties, so a `__proto__` key stays a plain key.
      return Object.fromEntries(entries.map(([key, property]) => (count(JSON.stringify(key).length + 1), [key, copy(property)])));
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
