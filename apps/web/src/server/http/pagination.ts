import { z } from 'zod';
import { badRequest } from './problem';

/**
 * Keyset pagination for every list route: a page holds at most `limit` items and `nextCursor`,
 * the sort key of its last item, from which the next page continues. Pages stay stable while rows
 * are added, and no query counts or skips rows.
 */

type KeyValue = string | number;

const cursorSchema = z.string().transform((text, ctx) => {
  try {
    const key: unknown = JSON.parse(Buffer.from(text, 'base64url').toString());
    if (Array.isArray(key) && key.length > 0 && key.every((value) => typeof value === 'string' || typeof value === 'number')) return key as KeyValue[];
  } catch {
    // answered below
  }
  ctx.addIssue({ code: 'custom', message: 'Not a cursor this API handed out; pass the `nextCursor` of the previous page' });
  return z.NEVER;
});

/** The query fields of a list route: `limit` (at most `max`) and `cursor`. */
export function pageQuery(options: { max: number; default: number }) {
  return {
    limit: z.coerce.number().int().min(1).max(options.max).default(options.default).describe(`Items per page, at most ${options.max}`),
    cursor: cursorSchema.optional().describe('The `nextCursor` of the previous page'),
  };
}

/** The answer of a list route: a page of `item`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` to read the next page; null on the last page'),
  });
}

const encodeKey = (key: Array<Date | bigint | KeyValue>) =>
  Buffer.from(JSON.stringify(key.map((value) => (value instanceof Date ? value.toISOString() : typeof value === 'bigint' ? String(value) : value)))).toString('base64url');

/** A page of a list held in memory, continuing after the item whose key is `cursor`. */
export function pageInMemory<Item>(items: Item[], limit: number, cursor: KeyValue[] | undefined, keyOf: (item: Item) => string) {
  const from = cursor ? items.findIndex((item) => keyOf(item) === cursor[0]) + 1 : 0;
  if (cursor && (from === 0 || cursor.length !== 1)) throw invalidCursor();
  return toPage(items.slice(from, from + limit + 1), limit, (item) => [keyOf(item)]);
}

/**
 * Cuts the `limit + 1` rows a query fetched into a page: the extra row only tells that a next page
 * exists. `keyOf` gives a row's sort key, the columns of `afterKey` in the same order.
 */
export function toPage<Row>(rows: Row[], limit: number, keyOf: (row: Row) => Array<Date | bigint | KeyValue>) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeKey(keyOf(last)) : null };
}

type Column = readonly [field: string, kind: 'date' | 'string' | 'int' | 'bigint'];

export const invalidCursor = () =>
  badRequest('The request query is invalid: /query/cursor: not a cursor of this list', [
    { path: '/query/cursor', message: 'Not a cursor of this list; pass the `nextCursor` of the previous page' },
  ]);

function toColumnValue(value: KeyValue | undefined, kind: Column[1]): Date | bigint | KeyValue {
  if (kind === 'int' && Number.isInteger(value)) return value as number;
  if (typeof value !== 'string') throw invalidCursor();
  if (kind === 'string') return value;
  if (kind === 'bigint' && /^\d+$/.test(value)) return BigInt(value);
  if (kind === 'date' && !Number.isNaN(Date.parse(value))) return new Date(value);
  throw invalidCursor();
}

/**
 * The Prisma condition for rows after `cursor` in the order of `columns` (all ascending or all
 * descending), the last column being unique: (a > x) or (a = x and b > y) …
 */
export function afterKey<Where extends object>(cursor: KeyValue[] | undefined, columns: Column[], order: 'asc' | 'desc'): Where {
  if (!cursor) return {} as Where;
  if (cursor.length !== columns.length) throw invalidCursor();
  const values = columns.map(([, kind], index) => toColumnValue(cursor[index], kind));
  const op = order === 'asc' ? 'gt' : 'lt';
  return {
    OR: columns.map(([field], index) => ({
      ...Object.fromEntries(columns.slice(0, index).map(([equalField], at) => [equalField, values[at]])),
      [field]: { [op]: values[index] },
    })),
  } as Where;
}
