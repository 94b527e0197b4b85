/** How fast a bucket refills (tokens a second; 0 = unlimited) and how many tokens it holds at most. */
export interface BucketLimit {
  perSecond: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  limit: BucketLimit;
}

/** What `take` decided: admitted, or refused with how long until it would be admitted. */
export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number; refusedBy: string };

/**
 * Token buckets by name (an API key, a tenant), in this process's memory. A request is admitted
 * while every bucket it draws on holds a whole token; a batch then takes what it costs even when
 * that drives a bucket below zero (`charge`), and later requests wait the debt out, so the
 * long-run rate never exceeds the limit and a batch larger than the burst is still accepted.
 *
 * Memory stays bounded by the callers seen within a refill time: a bucket that has been idle long
 * enough to be full again is the same as no bucket, so those are dropped on a periodic sweep.
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();
  #sweptAt: number;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly sweepEveryMs = 10_000,
  ) {
    this.#sweptAt = now();
  }

  /** Takes one token from each named bucket if all hold one, else none, naming the emptiest. */
  take(buckets: ReadonlyArray<{ name: string; limit: BucketLimit }>): TakeResult {
    const now = this.now();
    this.#sweep(now);
    let refused: { retryAfterMs: number; refusedBy: string } | undefined;
    const refilled = buckets.filter(({ limit }) => limit.perSecond > 0).map(({ name, limit }) => {
      const bucket = this.#refill(name, limit, now);
      if (bucket.tokens < 1) {
        const retryAfterMs = ((1 - bucket.tokens) / limit.perSecond) * 1000;
        if (!refused || retryAfterMs > refused.retryAfterMs) refused = { retryAfterMs, refusedBy: name };
      }
      return bucket;
    });
    if (refused) return { ok: false, ...refused };
    for (const bucket of refilled) bucket.tokens -= 1;
    return { ok: true };
  }

  /** Takes `tokens` more from each named bucket, below zero if need be (a batch's other items). */
  charge(buckets: ReadonlyArray<{ name: string; limit: BucketLimit }>, tokens: number): void {
    if (tokens <= 0) return;
    const now = this.now();
    for (const { name, limit } of buckets) if (limit.perSecond > 0) this.#refill(name, limit, now).tokens -= tokens;
  }

  /** How many buckets are held; for tests of the sweep. */
  get size(): number {
    return this.#buckets.size;
  }

  #refill(name: string, limit: BucketLimit, now: number): Bucket {
    let bucket = this.#buckets.get(name);
    if (!bucket) this.#buckets.set(name, (bucket = { tokens: limit.burst, updatedAt: now, limit }));
    bucket.limit = limit;
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * limit.perSecond);
    bucket.updatedAt = now;
    return bucket;
  }

  #sweep(now: number): void {
    if (now - this.#sweptAt < this.sweepEveryMs) return;
    this.#sweptAt = now;
    for (const [name, { tokens, updatedAt, limit }] of this.#buckets) {
      if (tokens + ((now - updatedAt) / 1000) * limit.perSecond >= limit.burst) this.#buckets.delete(name);
    }
  }
}
