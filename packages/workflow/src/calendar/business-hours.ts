import type { z } from 'zod';
import type { businessHoursSchema } from '../definition/fields';

/** Business hours a delay counts in (DESIGN.md §5 delay): days, hours and holidays in one time zone. */
export type BusinessHours = z.output<typeof businessHoursSchema>;

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const MINUTE = 60_000;
const DAY = 86_400_000;

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Pure and deterministic (workflow code calls it): time zones come from Intl's own data, never
 * from the machine's clock or zone.
 */
function localParts(instant: number, timeZone: string): LocalDate & { minuteOfDay: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), minuteOfDay: get('hour') * 60 + get('minute') };
}

/** The instant a wall-clock time of a local date has in the zone (the earlier one in a DST overlap). */
function instantOf(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE;
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const seen = localParts(guess, timeZone);
    const seenWall = Date.UTC(seen.year, seen.month - 1, seen.day) + seen.minuteOfDay * MINUTE;
    guess += wall - seenWall;
  }
  return guess;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const isoDate = ({ year, month, day }: LocalDate) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const nextDate = ({ year, month, day }: LocalDate): LocalDate => {
  const next = new Date(Date.UTC(year, month - 1, day) + DAY);
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
};

/** The business-hours windows from the day of `from` on, as [start, end) instants, in order. */
function* windows(from: number, hours: BusinessHours): Generator<[number, number]> {
  const open = minutesOf(hours.from);
  const close = minutesOf(hours.to);
  let date: LocalDate = localParts(from, hours.timeZone);
  // A calendar with no working day in the next years would never open: stop rather than loop.
  for (let i = 0; i < 3 * 366; i++, date = nextDate(date)) {
    const weekday = WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()]!;
    if (!hours.days.includes(weekday) || hours.holidays?.includes(isoDate(date))) continue;
    yield [instantOf(date, open, hours.timeZone), instantOf(date, close, hours.timeZone)];
  }
  throw new Error('The business-hours calendar has no working time in the next three years');
}

/** The instant `durationMs` of business time after `start`: only time inside the windows counts. */
export function addBusinessTime(start: number, durationMs: number, hours: BusinessHours): number {
  let remaining = durationMs;
  for (const [open, close] of windows(start, hours)) {
    const from = Math.max(open, start);
    if (from >= close) continue;
    if (remaining <= close - from) return from + remaining;
    remaining -= close - from;
  }
  throw new Error('unreachable: windows() ends by throwing');
}

/** `instant` when it falls in business hours, else the start of the next window. */
export function nextBusinessInstant(instant: number, hours: BusinessHours): number {
  for (const [open, close] of windows(instant, hours)) {
    if (instant < close) return Math.max(open, instant);
  }
  throw new Error('unreachable: windows() ends by throwing');
}
