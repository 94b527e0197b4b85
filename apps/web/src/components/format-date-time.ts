/**
 * Cascade's one date format, on every page: ISO-like, in a given time zone with the zone's offset
 * shown, `2026-12-05 14:03:07 UTC+1` (`UTC+5:30`, `UTC-3`, plain `UTC`), optionally with
 * milliseconds for the run steps' timing.
 */
export interface DateTimeFormatOptions {
  /** An IANA zone such as `Europe/Berlin`; an unknown zone falls back to UTC rather than failing the page. */
  timeZone?: string;
  milliseconds?: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function isKnownZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** `UTC`, `UTC+1`, `UTC-3`, `UTC+5:30` for an offset in minutes east of UTC. */
export function formatUtcOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '-';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** `—` for a missing or invalid date, so a page shows a gap rather than `NaN-aN`. */
export function formatDateTime(value: Date | string | number | null | undefined, options: DateTimeFormatOptions = {}): string {
  if (value === null || value === undefined) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  const timeZone = options.timeZone && isKnownZone(options.timeZone) ? options.timeZone : 'UTC';
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(date).map((part) => [part.type, part.value]));
  const { year, month, day, minute, second } = parts as Record<string, string>;
  const hour = parts.hour === '24' ? '00' : (parts.hour as string);
  // The zone's offset at that instant (DST included): the wall clock read as UTC, minus the instant.
  const wallClock = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const offsetMinutes = Math.round((wallClock - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const fraction = options.milliseconds ? `.${String(date.getUTCMilliseconds()).padStart(3, '0')}` : '';
  return `${year}-${month}-${day} ${hour}:${minute}:${second}${fraction} ${formatUtcOffset(offsetMinutes)}`;
}
