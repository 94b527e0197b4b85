import 'server-only';
import { webEnv } from '../../env.server';
import type { Principal } from './authenticate';
import { HttpError } from './problem';
import { TokenBuckets, type BucketLimit } from './token-buckets';

/** What a route's limit counts: requests, or the events a request publishes (a batch counts each). */
export type RateUnit = 'requests' | 'events';

/**
 * Per API key (or signed-in user) and per tenant, in this process: with several web replicas each
 * allows the whole limit. Both adapters of the pipeline share this module's buckets, since every
 * API route is answered by the custom server (fast-path.ts); `next dev` has buckets of its own.
 */
const buckets = new TokenBuckets();

function limitsOf(unit: RateUnit): { key: BucketLimit; tenant: BucketLimit } {
  const env = webEnv();
  const limit = (perSecond: number) => ({ perSecond, burst: Math.max(1, perSecond * env.RATE_LIMIT_BURST_SECONDS) });
  return unit === 'events'
    ? { key: limit(env.RATE_LIMIT_KEY_EVENTS_PER_SECOND), tenant: limit(env.RATE_LIMIT_TENANT_EVENTS_PER_SECOND) }
    : { key: limit(env.RATE_LIMIT_KEY_REQUESTS_PER_SECOND), tenant: limit(env.RATE_LIMIT_TENANT_REQUESTS_PER_SECOND) };
}

function bucketsOf(principal: Principal, unit: RateUnit) {
  const limits = limitsOf(unit);
  return [
    { name: `${unit}/${principal.kind}/${principal.id}`, limit: limits.key },
    { name: `${unit}/tenant/${principal.tenantId}`, limit: limits.tenant },
  ];
}

/**
 * Admits one request of `principal`, or answers 429 with `Retry-After` (whole seconds) when its
 * key's or its tenant's bucket is empty. Checked before the body is read, so a refused flood costs
 * the server an authentication from cache and this check.
 */
export function admitRequest(principal: Principal, unit: RateUnit): void {
  const taken = buckets.take(bucketsOf(principal, unit));
  if (taken.ok) return;
  const retryAfter = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
  const limits = limitsOf(unit);
  const byTenant = taken.refusedBy.includes('/tenant/');
  const who = byTenant ? 'This tenant' : principal.kind === 'apiKey' ? 'This API key' : 'This user';
  const perSecond = (byTenant ? limits.tenant : limits.key).perSecond;
  throw new HttpError(
    429,
    'Too Many Requests',
    `${who} may send ${perSecond} ${unit} a second and has used them up; retry after ${retryAfter} s`,
    undefined,
    { 'retry-after': String(retryAfter) },
  );
}

/**
 * How long a refused request waits for its 429. A client that honours `Retry-After` (a second or
 * more) loses nothing by it; one that ignores it is held to a few requests a second per connection,
 * instead of keeping the event loop busy answering it while other tenants' requests queue behind
 * (tenant-flood.test.ts). The answer is delayed rather than the connection paused, since behind a
 * proxy one connection carries many tenants' requests.
 */
export const REFUSED_ANSWER_DELAY_MS = 200;

export const delayRefusal = () => new Promise<void>((resolve) => setTimeout(resolve, REFUSED_ANSWER_DELAY_MS));

/** Charges a request admitted by `admitRequest` for the rest of what it costs (a batch's other events). */
export function chargeRest(principal: Principal, unit: RateUnit, count: number): void {
  buckets.charge(bucketsOf(principal, unit), count - 1);
}
