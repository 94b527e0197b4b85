import type { FieldError } from './field-errors';

/**
 * How deep any JSON document Cascade takes in may nest: a request body, an event, a message.
 * Twice the deepest the specific limits let through (a JSON Schema is held to 128 levels, which 128
 * nested properties already pass at 256; definitions to 64), so those answer with their own precise
 * 422, and far from what overflows a serialiser: an event 5,000 levels deep was answered 500 before
 * this bound.
 */
export const MAX_JSON_DEPTH = 512;

/** One error naming where `document` first nests deeper than `maxDepth`, its path under `at`; none when it does not. */
export function checkJsonDepth(document: unknown, at: string, maxDepth: number = MAX_JSON_DEPTH): FieldError[] {
  const tooDeep = firstPointerDeeperThan(document, maxDepth);
  if (tooDeep === undefined) return [];
  return [{ path: `${at}${tooDeep}`, message: `Objects and arrays nest more than ${maxDepth} levels deep here`, expected: `at most ${maxDepth} levels of objects and arrays` }];
}

interface Visit {
  value: unknown;
  key: string;
  parent: Visit | undefined;
  depth: number;
}

/**
 * Walks without recursion, so a hostile nesting cannot overflow the stack it is measured on, and
 * spells out only the pointer it reports (building every pointer could cost depth × size).
 */
export function firstPointerDeeperThan(document: unknown, maxDepth: number): string | undefined {
  const pending: Visit[] = [{ value: document, key: '', parent: undefined, depth: 0 }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    if (typeof visit.value !== 'object' || visit.value === null) continue;
    if (visit.depth >= maxDepth) return pointerOf(visit);
    for (const [key, value] of Object.entries(visit.value)) pending.push({ value, key, parent: visit, depth: visit.depth + 1 });
  }
  return undefined;
}

function pointerOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) keys.unshift(at.key.replaceAll('~', '~0').replaceAll('/', '~1'));
  return keys.map((key) => `/${key}`).join('');
}
