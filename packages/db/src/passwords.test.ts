import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PASSWORD_SCRYPT, hashPassword, parseStoredHash, verifyPassword } from './passwords';

/** A hash in the first stored format: node's default scrypt (N = 2^14), no parameters in the string. */
function unlabelledHash(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(password, salt, 64).toString('base64')}`;
}

describe('password hashes', () => {
  it('are made with at least OWASP’s scrypt minimum (N = 2^17, r = 8, p = 1), stated in the hash', async () => {
    expect(PASSWORD_SCRYPT.logN).toBeGreaterThanOrEqual(17);
    expect(PASSWORD_SCRYPT.r).toBeGreaterThanOrEqual(8);
    expect(PASSWORD_SCRYPT.p).toBeGreaterThanOrEqual(1);
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^scrypt\$ln=17,r=8,p=1\$/);
    expect(parseStoredHash(stored)?.parameters).toEqual({ logN: 17, r: 8, p: 1 });
  });

  it('accept the right password and refuse a wrong one', async () => {
    const stored = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', stored)).toEqual({ valid: true, outdated: false });
    expect(await verifyPassword('correct hors', stored)).toEqual({ valid: false, outdated: false });
  });

  it('still accept hashes of the first format, and say they need upgrading', async () => {
    const stored = unlabelledHash('old secret');
    expect(await verifyPassword('old secret', stored)).toEqual({ valid: true, outdated: true });
    expect(await verifyPassword('wrong', stored)).toEqual({ valid: false, outdated: false });
  });

  it('say a hash with weaker stated parameters needs upgrading', async () => {
    const stored = await hashPassword('pw', { logN: 15, r: 8, p: 1 });
    expect(await verifyPassword('pw', stored)).toEqual({ valid: true, outdated: true });
  });

  it('refuse tampered stored hashes without running away: huge cost, empty hash, unknown scheme', async () => {
    const salt = randomBytes(16).toString('base64');
    const startedAt = performance.now();
    for (const stored of [
      `scrypt$ln=40,r=8,p=1$${salt}$${'A'.repeat(86)}`,
      `scrypt$ln=17,r=999,p=1$${salt}$${'A'.repeat(86)}`,
      `scrypt$${salt}$`,
      `scrypt$ln=17,r=8,p=1$${salt}$`,
      'bcrypt$2b$10$abc',
      '',
    ]) {
      expect(parseStoredHash(stored)).toBeUndefined();
      expect((await verifyPassword('', stored)).valid).toBe(false);
    }
    // Six dummy hashes at N = 2^17 (about 1 s unloaded, 15 s on a saturated machine); a hash at 2^40 would not finish at all.
    expect(performance.now() - startedAt).toBeLessThan(60_000);
  }, 90_000);

  it('answer invalid without a stored hash (no such account), after running the same scrypt', async () => {
    expect(await verifyPassword('guess', undefined)).toEqual({ valid: false, outdated: false });
  });
});
