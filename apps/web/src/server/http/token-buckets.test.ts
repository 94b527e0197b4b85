import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-buckets';

/** Buckets on a clock the test moves. */
function bucketsAt(startMs = 0) {
  const clock = { now: startMs };
  return { buckets: new TokenBuckets(() => clock.now, 1_000), clock };
}
const key = { name: 'key', limit: { perSecond: 10, burst: 20 } };
const tenant = { name: 'tenant', limit: { perSecond: 100, burst: 100 } };

describe('TokenBuckets', () => {
  it('admits a burst, then refuses with the time until the next token', () => {
    const { buckets, clock } = bucketsAt();
    for (let i = 0; i < 20; i += 1) expect(buckets.take([key])).toEqual({ ok: true });
    expect(buckets.take([key])).toEqual({ ok: false, retryAfterMs: 100, refusedBy: 'key' });
    clock.now += 100;
    expect(buckets.take([key])).toEqual({ ok: true });
  });

  it('takes from every bucket or none, and names the one that refused', () => {
    const { buckets } = bucketsAt();
    const small = { name: 'small', limit: { perSecond: 1, burst: 1 } };
    expect(buckets.take([tenant, small]).ok).toBe(true);
    expect(buckets.take([tenant, small])).toMatchObject({ ok: false, refusedBy: 'small' });
    // The refused request took nothing from the tenant: 99 left of 100.
    for (let i = 0; i < 99; i += 1) expect(buckets.take([tenant]).ok).toBe(true);
    expect(buckets.take([tenant]).ok).toBe(false);
  });

  it('charges a batch below zero, so later requests wait its debt out and the rate holds', () => {
    const { buckets, clock } = bucketsAt();
    expect(buckets.take([key]).ok).toBe(true);
    buckets.charge([key], 49); // a batch of 50 with 20 tokens: 30 in debt
    expect(buckets.take([key])).toEqual({ ok: false, retryAfterMs: 3_100, refusedBy: 'key' });
    clock.now += 3_100;
    expect(buckets.take([key]).ok).toBe(true);
  });

  it('treats a rate of 0 as no limit', () => {
    const { buckets } = bucketsAt();
    const off = { name: 'off', limit: { perSecond: 0, burst: 0 } };
    for (let i = 0; i < 1_000; i += 1) expect(buckets.take([off]).ok).toBe(true);
    expect(buckets.size).toBe(0);
  });

  it('forgets buckets idle long enough to be full again, however many callers came and went', () => {
    const { buckets, clock } = bucketsAt();
    for (let i = 0; i < 10_000; i += 1) buckets.take([{ name: `key-${i}`, limit: key.limit }]);
    expect(buckets.size).toBe(10_000);
    clock.now += 1_000; // refilled 10 of the 1 each used, and the sweep is due
    buckets.take([key]);
    expect(buckets.size).toBe(1);
  });
});
