import { describe, expect, it } from 'vitest';
import { addBusinessTime, nextBusinessInstant, type BusinessHours } from './business-hours';

const berlin: BusinessHours = { timeZone: 'Europe/Berlin', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00', holidays: ['2026-12-25'] };
const at = (iso: string) => Date.parse(iso);
const hours = (n: number) => n * 3_600_000;

describe('business hours', () => {
  it('counts only time inside the windows', () => {
    // Friday 2026-11-20 15:00 Berlin (UTC+1) plus 4 business hours: 2 on Friday, 2 on Monday.
    expect(new Date(addBusinessTime(at('2026-11-20T14:00:00Z'), hours(4), berlin)).toISOString()).toBe('2026-11-23T10:00:00.000Z');
    // Inside one window it is plain addition.
    expect(new Date(addBusinessTime(at('2026-11-24T09:00:00Z'), hours(1), berlin)).toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });

  it('starts counting at the next opening when started outside hours, and skips holidays', () => {
    // Saturday night → Monday 09:00 local (08:00Z) + 30 minutes.
    expect(new Date(addBusinessTime(at('2026-11-21T22:00:00Z'), 1_800_000, berlin)).toISOString()).toBe('2026-11-23T08:30:00.000Z');
    // Thursday 2026-12-24 16:00 local + 2h: 1h on the 24th; the 25th is a holiday and the weekend is off, so the 2nd hour is Monday the 28th.
    expect(new Date(addBusinessTime(at('2026-12-24T15:00:00Z'), hours(2), berlin)).toISOString()).toBe('2026-12-28T09:00:00.000Z');
  });

  it('follows the zone across a daylight-saving change', () => {
    // Berlin moves to UTC+2 on 2026-03-29: opening on Monday 30 March is 07:00Z.
    expect(new Date(nextBusinessInstant(at('2026-03-28T12:00:00Z'), berlin)).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(nextBusinessInstant(at('2026-11-24T10:00:00Z'), berlin)).toBe(at('2026-11-24T10:00:00Z'));
  });

  it('refuses a calendar that never opens', () => {
    expect(() => addBusinessTime(0, 1, { ...berlin, days: ['mon'], holidays: undefined, from: '09:00', to: '09:00' })).toThrow(/no working time/);
  });
});
