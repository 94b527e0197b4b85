'use client';

import { useSyncExternalStore } from 'react';
import { formatDateTime } from './format-date-time';

const subscribe = () => () => undefined;
const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
// The server does not know the viewer's zone: it renders UTC, and hydration switches to the
// viewer's zone in a second pass, so the first client render matches the server's HTML.
const serverZone = () => 'UTC';

/**
 * A point in time as every page shows it (formatDateTime), in the viewer's time zone, with the
 * exact instant in UTC in `dateTime` and the tooltip.
 */
export function DateTime({ value, milliseconds = false }: { value: Date | string | null | undefined; milliseconds?: boolean }) {
  const timeZone = useSyncExternalStore(subscribe, viewerZone, serverZone);
  if (value === null || value === undefined) return <span className="muted">—</span>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span className="muted">—</span>;
  const iso = date.toISOString();
  return (
    <time dateTime={iso} title={iso} data-testid="date-time">
      {formatDateTime(date, { timeZone, milliseconds })}
    </time>
  );
}
