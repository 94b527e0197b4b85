import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it('reads at the scale of the duration', () => {
    expect([850, 4_210, 185_000, 7_800_000, 3 * 86_400_000 + 4 * 3_600_000].map(formatDuration)).toEqual(['850 ms', '4.2 s', '3 min 5 s', '2 h 10 min', '3 d 4 h']);
  });
});
