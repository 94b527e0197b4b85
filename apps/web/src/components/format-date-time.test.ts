import { describe, expect, it } from 'vitest';
import { formatDateTime, formatUtcOffset } from './format-date-time';

const instant = new Date('2026-12-05T13:03:07.045Z');

describe('the one date format', () => {
  it('shows the instant in the given zone, with that zone as an offset from UTC', () => {
    expect(formatDateTime(instant, { timeZone: 'UTC' })).toBe('2026-12-05 13:03:07 UTC');
    expect(formatDateTime(instant, { timeZone: 'Europe/Berlin' })).toBe('2026-12-05 14:03:07 UTC+1');
    expect(formatDateTime(instant, { timeZone: 'America/New_York' })).toBe('2026-12-05 08:03:07 UTC-5');
    expect(formatDateTime(instant, { timeZone: 'Asia/Kolkata' })).toBe('2026-12-05 18:33:07 UTC+5:30');
    expect(formatDateTime(instant, { timeZone: 'Asia/Kathmandu' })).toBe('2026-12-05 18:48:07 UTC+5:45');
  });

  it('follows daylight saving time and crosses midnight into the next day', () => {
    expect(formatDateTime('2026-07-01T22:30:00Z', { timeZone: 'Europe/Berlin' })).toBe('2026-07-02 00:30:00 UTC+2');
    expect(formatDateTime('2026-07-01T02:00:00Z', { timeZone: 'America/Los_Angeles' })).toBe('2026-06-30 19:00:00 UTC-7');
    expect(formatDateTime('2026-12-31T23:59:59Z', { timeZone: 'Pacific/Kiritimati' })).toBe('2027-01-01 13:59:59 UTC+14');
  });

  it('shows milliseconds when asked, for step timings', () => {
    expect(formatDateTime(instant, { timeZone: 'Europe/Berlin', milliseconds: true })).toBe('2026-12-05 14:03:07.045 UTC+1');
  });

  it('takes ISO strings and epoch milliseconds as the pages pass them', () => {
    expect(formatDateTime(instant.toISOString())).toBe('2026-12-05 13:03:07 UTC');
    expect(formatDateTime(instant.getTime(), { timeZone: 'UTC' })).toBe('2026-12-05 13:03:07 UTC');
  });

  it('shows a dash for a missing or unreadable date and falls back to UTC for an unknown zone', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
    expect(formatDateTime(new Date(Number.NaN))).toBe('—');
    expect(formatDateTime(instant, { timeZone: 'Mars/Olympus_Mons' })).toBe('2026-12-05 13:03:07 UTC');
    expect(formatDateTime(instant, { timeZone: '' })).toBe('2026-12-05 13:03:07 UTC');
  });

  it('writes offsets without a leading zero and minutes only when there are some', () => {
    expect([0, 60, -300, 330, -570, 840].map(formatUtcOffset)).toEqual(['UTC', 'UTC+1', 'UTC-5', 'UTC+5:30', 'UTC-9:30', 'UTC+14']);
  });
});
