import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['PT15M', 900_000],
    ['P3D', 259_200_000],
    ['P1DT2H', 93_600_000],
    ['P1DT2H30M', 95_400_000],
    ['PT0.5S', 500],
    ['P1W', 604_800_000],
    ['PT0S', 0],
  ])('reads %s as %d ms', (text, milliseconds) => {
    expect(parseDuration(text)).toBe(milliseconds);
  });

  it.each(['', 'P', 'PT', 'P1DT', '3 days', '15M', 'P1Y', 'P2M', 'pt15m', 'PT-5M', 'P1D2H'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
