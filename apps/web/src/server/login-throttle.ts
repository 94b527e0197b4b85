import 'server-only';
import { createHash } from 'node:crypto';
import { sql } from '@cascade/db';
import { db } from './services';

/** At most `attempts` sign-ins in a fixed window of `windowSeconds`. */
export interface ThrottleLimit {
  attempts: number;
  windowSeconds: number;
}

/**
 * Per account, few: guessing one password needs many tries. Per address, more, since many people
 * may share one (an office's NAT); a sign-in that succeeds is given back to its address.
 */
export const LOGIN_LIMITS = {
  account: { attempts: 10, windowSeconds: 15 * 60 },
  address: { attempts: 100, windowSeconds: 15 * 60 },
} satisfies Record<string, ThrottleLimit>;

export type LoginLimits = typeof LOGIN_LIMITS;

const keyOf = (kind: 'account' | 'address', value: string) => createHash('sha256').update(`${kind}:${value}`).digest('hex');

/**
 * Counts one sign-in attempt against the account and the address, before the password is
 * checked, so a burst of parallel guesses cannot all slip under the limit. Answers how many
 * seconds until another attempt is accepted, or 0 when this one may go ahead. The count lives in
 * PostgreSQL, so it holds across web replicas and restarts.
 */
export async function countLoginAttempt(email: string, address: string, limits: LoginLimits = LOGIN_LIMITS): Promise<number> {
  await sql(db(), "DELETE FROM login_throttles WHERE window_started_at < now() - $1::int * interval '1 second'", [
    Math.max(limits.account.windowSeconds, limits.address.windowSeconds),
  ]);
  const rows = await sql<{ attempts: number; retry_after: number; kind: 'account' | 'address' }>(
    db(),
    `INSERT INTO login_throttles AS t (key, attempts, window_started_at)
     VALUES ($1, 1, now()), ($2, 1, now())
     ON CONFLICT (key) DO UPDATE SET
       attempts = CASE WHEN t.window_started_at <= now() - (CASE t.key WHEN $1 THEN $3::int ELSE $4::int END) * interval '1 second'
                       THEN 1 ELSE t.attempts + 1 END,
       window_started_at = CASE WHEN t.window_started_at <= now() - (CASE t.key WHEN $1 THEN $3::int ELSE $4::int END) * interval '1 second'
                       THEN now() ELSE t.window_started_at END
     RETURNING CASE t.key WHEN $1 THEN 'account' ELSE 'address' END AS kind, t.attempts,
       ceil(extract(epoch FROM t.window_started_at + (CASE t.key WHEN $1 THEN $3::int ELSE $4::int END) * interval '1 second' - now()))::int AS retry_after`,
    [keyOf('account', email), keyOf('address', address), limits.account.windowSeconds, limits.address.windowSeconds],
  );
  const over = rows.filter((row) => row.attempts > limits[row.kind].attempts);
  return over.length ? Math.max(1, ...over.map((row) => row.retry_after)) : 0;
}

/** A successful sign-in clears its account's count and gives its attempt back to the address. */
export async function forgetLoginAttempt(email: string, address: string): Promise<void> {
  await sql(db(), 'DELETE FROM login_throttles WHERE key = $1', [keyOf('account', email)]);
  await sql(db(), 'UPDATE login_throttles SET attempts = greatest(attempts - 1, 0) WHERE key = $1', [keyOf('address', address)]);
}
