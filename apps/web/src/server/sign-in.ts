import 'server-only';
import { verifyPassword, hashPassword } from '@cascade/db';
import { countLoginAttempt, forgetLoginAttempt, LOGIN_LIMITS, type LoginLimits } from './login-throttle';
import { db } from './services';

export interface SignInAttempt {
  /** Lower-cased. */
  email: string;
  password: string;
  /** The client's address, as the web server saw it (client-address.ts). */
  address: string;
}

export type SignInResult =
  | { outcome: 'signedIn'; user: { id: string; tenantId: string; email: string; role: 'ADMIN' | 'EDITOR' | 'VIEWER' } }
  | { outcome: 'wrong' }
  | { outcome: 'throttled'; retryAfterSeconds: number };

/**
 * Checks an email and password. Every attempt is counted per account and per address first
 * (login-throttle.ts); an unknown email costs one scrypt like a known one, so neither the answer
 * nor its time tells which emails exist. A hash made with weaker parameters than today's is
 * replaced on a successful sign-in.
 */
export async function signIn(attempt: SignInAttempt, limits: LoginLimits = LOGIN_LIMITS): Promise<SignInResult> {
  const retryAfterSeconds = await countLoginAttempt(attempt.email, attempt.address, limits);
  if (retryAfterSeconds > 0) return { outcome: 'throttled', retryAfterSeconds };

  // An email is unique per tenant, so it may name users of several tenants.
  const candidates = await db().user.findMany({ where: { email: attempt.email } });
  if (candidates.length === 0) await verifyPassword(attempt.password, undefined);
  let user: (typeof candidates)[number] | undefined;
  for (const candidate of candidates) {
    const check = await verifyPassword(attempt.password, candidate.passwordHash);
    if (!check.valid) continue;
    user = candidate;
    if (check.outdated) {
      await db().user.update({ where: { id: candidate.id }, data: { passwordHash: await hashPassword(attempt.password) } });
    }
  }
  if (!user) return { outcome: 'wrong' };
  await forgetLoginAttempt(attempt.email, attempt.address);
  return { outcome: 'signedIn', user: { id: user.id, tenantId: user.tenantId, email: user.email, role: user.role } };
}
