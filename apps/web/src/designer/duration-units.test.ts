import { parseDuration } from '@cascade/workflow';
import { describe, expect, it } from 'vitest';
import { DURATION_UNITS, fromAmountAndUnit, toAmountAndUnit } from './duration-units';

describe('duration units', () => {
  it('reads a stored duration of one unit as a number and that unit', () => {
    expect(toAmountAndUnit('PT30S')).toEqual({ amount: 30, unit: 'seconds' });
    expect(toAmountAndUnit('PT15M')).toEqual({ amount: 15, unit: 'minutes' });
    expect(toAmountAndUnit('PT2H')).toEqual({ amount: 2, unit: 'hours' });
    expect(toAmountAndUnit('P3D')).toEqual({ amount: 3, unit: 'days' });
    expect(toAmountAndUnit('P1W')).toEqual({ amount: 1, unit: 'weeks' });
    expect(toAmountAndUnit('PT0.5S')).toEqual({ amount: 0.5, unit: 'seconds' });
  });

  it('leaves as ISO text what one number and unit cannot say, or what is no duration', () => {
    for (const text of ['P1DT2H', 'PT1H30M', 'P1M', 'P1Y', 'PT', 'P', '', 'PT-1S', 'P1H', 'PT1D', 'pt1s', ' PT1S', 'PT1e3S']) {
      expect(toAmountAndUnit(text), text).toBeUndefined();
    }
  });

  it('writes a number and unit as a duration the validator accepts, and reads it back the same', () => {
    for (const unit of DURATION_UNITS) {
      for (const amount of [0, 1, 2.5, 90, 10_000]) {
        const iso = fromAmountAndUnit(amount, unit)!;
        expect(parseDuration(iso), iso).toBeDefined();
        expect(toAmountAndUnit(iso)).toEqual({ amount, unit });
      }
    }
    expect(fromAmountAndUnit(2, 'hours')).toBe('PT2H');
    expect(fromAmountAndUnit(1, 'weeks')).toBe('P1W');
  });

  it('writes nothing for an amount no stored duration can hold', () => {
    for (const amount of [-1, Number.NaN, Number.POSITIVE_INFINITY, 1e21, 1e-7]) {
      expect(fromAmountAndUnit(amount, 'minutes'), String(amount)).toBeUndefined();
    }
  });
});
