import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { hashPassword } from '@cascade/db';
import { describe, expect, it } from 'vitest';
import { createTenantWithKey } from '@/test/api';
import type { LoginLimits } from './login-throttle';
import { db } from './services';
import { signIn } from './sign-in';

const PASSWORD = 'correct horse battery';

async function createUser(passwordHash?: string) {
  const { tenantId } = await createTenantWithKey([]);
  const email = `user-${randomUUID()}@example.com`;
  const user = await db().user.create({
    data: { tenantId, email, name: 'User', role: 'EDITOR', passwordHash: passwordHash ?? (await hashPassword(PASSWORD)) },
  });
  return { user, email };
}

const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
const limits = (account: number, addressAttempts: number): LoginLimits => ({
  account: { attempts: account, windowSeconds: 60 },
  address: { attempts: addressAttempts, windowSeconds: 60 },
});

describe('signing in', () => {
  it('signs in with the right password and refuses a wrong one or an unknown email alike', async () => {
    const { user, email } = await createUser();
    const from = address();
    expect(await signIn({ email, password: PASSWORD, address: from })).toMatchObject({ outcome: 'signedIn', user: { id: user.id, role: 'EDITOR' } });
    expect(await signIn({ email, password: 'wrong', address: from })).toEqual({ outcome: 'wrong' });
    expect(await signIn({ email: `nobody-${randomUUID()}@example.com`, password: 'wrong', address: from })).toEqual({ outcome: 'wrong' });
  });

  it('throttles an account after its limit of attempts, even with the right password, and says for how long', async () => {
    const { email } = await createUser();
    for (let i = 0; i < 3; i += 1) expect((await signIn({ email, password: 'guess', address: address() }, limits(3, 100))).outcome).toBe('wrong');
    const throttled = await signIn({ email, password: PASSWORD, address: address() }, limits(3, 100));
    expect(throttled).toMatchObject({ outcome: 'throttled' });
    expect(throttled.outcome === 'throttled' && throttled.retryAfterSeconds).toBeGreaterThan(0);
    expect(throttled.outcome === 'throttled' && throttled.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('throttles an address trying many accounts, existing or not', async () => {
    const from = address();
    for (let i = 0; i < 4; i += 1) {
      expect((await signIn({ email: `nobody-${randomUUID()}@example.com`, password: 'x', address: from }, limits(100, 4))).outcome).toBe('wrong');
    }
    const { email } = await createUser();
    expect((await signIn({ email, password: PASSWORD, address: from }, limits(100, 4))).outcome).toBe('throttled');
    expect((await signIn({ email, password: PASSWORD, address: address() }, limits(100, 4))).outcome).toBe('signedIn');
  });

  it('counts parallel guesses before checking them, so a burst cannot slip under the limit', async () => {
    const { email } = await createUser();
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => signIn({ email, password: 'guess', address: address() }, limits(3, 100))));
    expect(outcomes.filter((o) => o.outcome === 'wrong')).toHaveLength(3);
    expect(outcomes.filter((o) => o.outcome === 'throttled')).toHaveLength(5);
  });

  it('a successful sign-in clears the account’s count', async () => {
    const { email } = await createUser();
    const from = address();
    for (let i = 0; i < 2; i += 1) await signIn({ email, password: 'guess', address: from }, limits(3, 100));
    expect((await signIn({ email, password: PASSWORD, address: from }, limits(3, 100))).outcome).toBe('signedIn');
    for (let i = 0; i < 3; i += 1) expect((await signIn({ email, password: 'guess', address: from }, limits(3, 100))).outcome).toBe('wrong');
  });

  it('upgrades a hash of the first format (N = 2^14, no parameters stored) on a successful sign-in', async () => {
    const salt = randomBytes(16);
    const old = `scrypt$${salt.toString('base64')}$${scryptSync(PASSWORD, salt, 64).toString('base64')}`;
    const { user, email } = await createUser(old);
    expect((await signIn({ email, password: 'wrong', address: address() })).outcome).toBe('wrong');
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(old);
    expect((await signIn({ email, password: PASSWORD, address: address() })).outcome).toBe('signedIn');
    const upgraded = (await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    expect(upgraded).toMatch(/^scrypt\$ln=17,r=8,p=1\$/);
    expect((await signIn({ email, password: PASSWORD, address: address() })).outcome).toBe('signedIn');
  });

  it('costs the same for an existing and an unknown email (measured, printed)', async () => {
    const { email } = await createUser();
    const generous = limits(1000, 1000);
    const time = async (who: string) => {
      const startedAt = performance.now();
      expect((await signIn({ email: who, password: 'wrong guess', address: address() }, generous)).outcome).toBe('wrong');
      return performance.now() - startedAt;
    };
    await time(email);
    const existing: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      existing.push(await time(email));
      unknown.push(await time(`nobody-${randomUUID()}@example.com`));
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const [known, missing] = [mean(existing), mean(unknown)];
    const gap = Math.abs(known - missing) / Math.max(known, missing);
    console.log(`sign-in, wrong password: existing email ${known.toFixed(0)} ms, unknown email ${missing.toFixed(0)} ms (mean of 5 each, gap ${(gap * 100).toFixed(1)} %)`);
    // Without the dummy hash an unknown email answers in a few ms against hundreds; the bound is
    // generous so that a busy machine cannot make it flake.
    expect(gap).toBeLessThan(0.5);
    // Forty scrypt hashes: 4 s on a quiet machine, 30 s at a load average of 20.
  }, 90_000);
});
