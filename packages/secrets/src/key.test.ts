import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseSecretKey, secretsEnvFields } from './key';

describe('parseSecretKey', () => {
  it('reads base64 and base64url of 32 bytes', () => {
    const key = randomBytes(32);
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(parseSecretKey(`${key.toString('base64url')}\n`)).toEqual(key);
  });

  it('refuses other lengths and non-base64 text, saying what is expected', () => {
    expect(() => parseSecretKey(randomBytes(16).toString('base64'))).toThrow('must be base64 of exactly 32 bytes (e.g. `openssl rand -base64 32`); it decodes to 16');
    expect(() => parseSecretKey('not a key!')).toThrow(/contains other characters/);
    expect(() => parseSecretKey('')).toThrow(/must be base64/);
  });

  it('is an environment field that names the setting and never echoes it', () => {
    const schema = z.object(secretsEnvFields);
    expect(schema.parse({ CASCADE_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).CASCADE_SECRET_KEY).toEqual(Buffer.alloc(32, 7));
    const missing = schema.safeParse({}).error!.issues[0]!;
    expect([missing.path, missing.message]).toEqual([['CASCADE_SECRET_KEY'], expect.stringMatching(/^is required: base64 of 32 random bytes/)]);
    const short = Buffer.from('short-key-material').toString('base64');
    const wrong = schema.safeParse({ CASCADE_SECRET_KEY: short }).error!.issues[0]!;
    expect(wrong.path).toEqual(['CASCADE_SECRET_KEY']);
    expect(wrong.message).toMatch(/^must be base64 of exactly 32 bytes/);
    expect(JSON.stringify(wrong)).not.toContain(short);
  });
});
