/**
 * Field-level changes between two JSON values, each addressed by a JSON pointer. Objects are
 * compared key by key; arrays, and the `{"$expr": …}` / `{"$param": …}` leaves of a mapping, are
 * compared whole, because a reader follows "the assignees became [a, b]" better than index-wise
 * edits. Both walks are iterative and stop descending at MAX_DIFF_DEPTH, so a hostile nesting in a
 * stored draft is reported as one changed value instead of exhausting the stack.
 */

export interface FieldChange {
  /** JSON pointer inside the compared value, e.g. `/input/to` or `/timeout`. */
  path: string;
  /** Absent when the field was added. */
  before?: unknown;
  /** Absent when the field was removed. */
  after?: unknown;
}

export const MAX_DIFF_DEPTH = 32;

export const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const escapePointer = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

/** A mapping leaf such as `{"$expr": "…"}`: compared whole, never opened. */
const isLeafObject = (value: Record<string, unknown>) => {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
};

/** Deep equality of two JSON values, without recursion (key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  const stack: Array<[unknown, unknown]> = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (Object.is(x, y)) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return false;
      for (let index = 0; index < x.length; index++) stack.push([x[index], y[index]]);
      continue;
    }
    const xs = x as Record<string, unknown>;
    const ys = y as Record<string, unknown>;
    const keys = Object.keys(xs);
    if (keys.length !== Object.keys(ys).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(ys, key)) return false;
      stack.push([xs[key], ys[key]]);
    }
  }
  return true;
}

/** The changes turning `before` into `after`, sorted by path. `ignoreKeys` leaves out top-level keys. */
export function valueChanges(before: unknown, after: unknown, options: { ignoreKeys?: ReadonlySet<string> } = {}): FieldChange[] {
  const changes: FieldChange[] = [];
  const stack: Array<{ before: unknown; after: unknown; path: string; depth: number }> = [{ before, after, path: '', depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const open =
      visit.depth < MAX_DIFF_DEPTH && isPlainObject(visit.before) && isPlainObject(visit.after) && !isLeafObject(visit.before) && !isLeafObject(visit.after);
    if (!open) {
      if (!jsonEqual(visit.before, visit.after)) changes.push({ path: visit.path, before: visit.before, after: visit.after });
      continue;
    }
    const b = visit.before as Record<string, unknown>;
    const a = visit.after as Record<string, unknown>;
    const keys = [...Object.keys(b), ...Object.keys(a).filter((key) => !Object.hasOwn(b, key))];
    const children: typeof stack = [];
    for (const key of keys) {
      if (visit.depth === 0 && options.ignoreKeys?.has(key)) continue;
      const path = `${visit.path}/${escapePointer(key)}`;
      if (!Object.hasOwn(a, key)) changes.push({ path, before: b[key] });
      else if (!Object.hasOwn(b, key)) changes.push({ path, after: a[key] });
      else children.push({ before: b[key], after: a[key], path, depth: visit.depth + 1 });
    }
    stack.push(...children);
  }
  return changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}
