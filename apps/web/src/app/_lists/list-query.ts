import { z } from 'zod';
import { HttpError } from '@/server/http/problem';
import { afterKey, pageQuery, toPage } from '@/server/http/pagination';

/**
 * The URL of a list page (runs, events) carries its whole view: filters, time range, order and the
 * page's cursor, so a view can be shared by its address. The cursor is the API's (pagination.ts),
 * so a page of the UI and a page of the API continue the same way. A value that is not one is
 * named back to the reader rather than dropped in silence.
 */

export type SearchParams = Record<string, string | string[] | undefined>;

export const RANGES = { '15m': 15, '1h': 60, '24h': 24 * 60, '7d': 7 * 24 * 60 } as const;
export type Range = keyof typeof RANGES;
export const RANGE_LABELS: Record<Range, string> = { '15m': 'Last 15 minutes', '1h': 'Last hour', '24h': 'Last 24 hours', '7d': 'Last 7 days' };

export const PAGE_SIZE = 50;

const { cursor: cursorField } = pageQuery({ max: PAGE_SIZE, default: PAGE_SIZE });
const iso = z.iso.datetime({ offset: true });

export interface ListQuery {
  /** The parameters as read, for the form's defaults and the pager's links. */
  params: Record<string, string>;
  /** Parameters that were not understood, with what was expected. */
  ignored: string[];
  from?: string;
  to?: string;
  order: 'desc' | 'asc';
  cursor?: Array<string | number>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** Reads the parameters every list shares: since/from/to, order, cursor; and the list's own by name. */
export function readListQuery(search: SearchParams, own: readonly string[], now = new Date()): ListQuery {
  const params: Record<string, string> = {};
  for (const name of [...own, 'since', 'from', 'to', 'order', 'cursor']) {
    const value = first(search[name]);
    if (value !== undefined) params[name] = value.slice(0, 500);
  }
  const ignored: string[] = [];
  const query: ListQuery = { params, ignored, order: params.order === 'asc' ? 'asc' : 'desc' };
  if (params.order && params.order !== 'asc' && params.order !== 'desc') ignored.push('order (newest "desc" or oldest "asc" first)');
  if (params.since) {
    if (params.since in RANGES) query.from = new Date(now.getTime() - RANGES[params.since as Range] * 60_000).toISOString();
    else ignored.push(`since (one of ${Object.keys(RANGES).join(', ')})`);
  }
  for (const bound of ['from', 'to'] as const) {
    if (!params[bound]) continue;
    if (iso.safeParse(params[bound]).success) query[bound] = params[bound];
    else ignored.push(`${bound} (an ISO timestamp such as 2026-01-31T09:00:00Z)`);
  }
  if (params.cursor) {
    const cursor = cursorField.safeParse(params.cursor);
    if (cursor.success) query.cursor = cursor.data;
    else ignored.push('cursor (the list starts from its first page)');
  }
  return query;
}

/** The rows after the query's cursor, newest or oldest first; a cursor of another list starts over. */
export function afterCursor<Where extends object>(query: ListQuery, time: string): Where {
  try {
    return afterKey<Where>(query.cursor, [[time, 'date'], ['id', 'string']], query.order);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    query.ignored.push('cursor (the list starts from its first page)');
    return {} as Where;
  }
}

/** Cuts the PAGE_SIZE + 1 rows fetched into a page and the cursor of the next. */
export function pageOfRows<Row extends { id: string }>(rows: Row[], timeOf: (row: Row) => Date) {
  return toPage(rows, PAGE_SIZE, (row) => [timeOf(row), row.id]);
}

/** The address of the same view with some parameters changed (undefined removes one). */
export function hrefWith(path: string, params: Record<string, string>, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...params, ...changes })) if (value) next.set(name, value);
  const text = next.toString();
  return text ? `${path}?${text}` : path;
}
