import { randomBytes, randomUUID } from 'node:crypto';
import { createDatabase } from '@cascade/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { InvalidSecretError, SecretDecryptionError, SecretDestinationRefusedError, SecretNotFoundError } from './errors';
import { createSecretStore } from './store';

const db = createDatabase(inject('databaseUrl'), { maxConnections: 2 });
const key = randomBytes(32);
const store = createSecretStore(db, key);
afterAll(() => db.$disconnect());

async function newTenant(): Promise<string> {
  const tenant = await db.tenant.create({ data: { slug: `secrets-${randomUUID()}`, name: 'Secrets' } });
  return tenant.id;
}

const storedCiphertext = async (tenantId: string, name: string) =>
  (await db.secret.findUniqueOrThrow({ where: { tenantId_name: { tenantId, name } } })).ciphertext;

describe('the secret store', () => {
  it('round-trips a value, stores only ciphertext, and tells a create from a replace', async () => {
    const tenantId = await newTenant();
    expect(await store.put(tenantId, 'crm_token', 'tok_live_ünïcode_123')).toEqual({ created: true });
    expect(await store.reveal(tenantId, 'crm_token')).toBe('tok_live_ünïcode_123');

    const sealed = await storedCiphertext(tenantId, 'crm_token');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('tok_live');

    expect(await store.put(tenantId, 'crm_token', 'tok_live_rotated')).toEqual({ created: false });
    expect(await store.reveal(tenantId, 'crm_token')).toBe('tok_live_rotated');
    await store.put(tenantId, 'a.first-secret', 'x');
    const listed = await store.list(tenantId);
    expect(listed.map((s) => s.name)).toEqual(['a.first-secret', 'crm_token']);
    expect(listed[1]!.updatedAt.getTime()).toBeGreaterThanOrEqual(listed[1]!.createdAt.getTime());
    expect(JSON.stringify(listed)).not.toContain('rotated');
  });

  it('seals every write with a fresh IV', async () => {
    const tenantId = await newTenant();
    await store.put(tenantId, 'same', 'identical value');
    const first = await storedCiphertext(tenantId, 'same');
    await store.put(tenantId, 'same', 'identical value');
    expect(await storedCiphertext(tenantId, 'same')).not.toBe(first);
  });

  it('removes a secret and says whether there was one', async () => {
    const tenantId = await newTenant();
    await store.put(tenantId, 'gone', 'soon gone');
    expect(await store.remove(tenantId, 'gone')).toBe(true);
    expect(await store.remove(tenantId, 'gone')).toBe(false);
    await expect(store.reveal(tenantId, 'gone')).rejects.toThrow(SecretNotFoundError);
  });

  it('keeps tenants apart: another tenant cannot reveal the name, nor open a copied ciphertext', async () => {
    const a = await newTenant();
    const b = await newTenant();
    await store.put(a, 'crm_token', 'tenant-a-only');

    const missing = store.reveal(b, 'crm_token');
    await expect(missing).rejects.toThrow(SecretNotFoundError);
    await expect(missing).rejects.toThrow('No secret named "crm_token" exists in this tenant');
    expect(await store.list(b)).toEqual([]);
    expect(await store.remove(b, 'crm_token')).toBe(false);
    expect(await store.reveal(a, 'crm_token')).toBe('tenant-a-only');

    // A database writer copies tenant A's row to tenant B, and renames it within A.
    const sealed = await storedCiphertext(a, 'crm_token');
    await db.secret.create({ data: { tenantId: b, name: 'crm_token', ciphertext: sealed } });
    await db.secret.create({ data: { tenantId: a, name: 'other_name', ciphertext: sealed } });
    const copied = store.reveal(b, 'crm_token');
    await expect(copied).rejects.toThrow(SecretDecryptionError);
    await expect(copied).rejects.toThrow(/copied from another tenant or name/);
    await expect(store.reveal(a, 'other_name')).rejects.toThrow(SecretDecryptionError);
  });

  it('detects tampering with the ciphertext, the tag or the IV', async () => {
    const tenantId = await newTenant();
    await store.put(tenantId, 'webhook_key', 'whsec_abcdefgh');
    const [format, iv, tag, ciphertext] = (await storedCiphertext(tenantId, 'webhook_key')).split('.') as [string, string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64url');
    };
    for (const altered of [
      [format, iv, tag, flip(ciphertext)],
      [format, iv, flip(tag), ciphertext],
      [format, flip(iv), tag, ciphertext],
      ['v2', iv, tag, ciphertext],
      [format, iv, tag],
    ]) {
      await db.secret.update({ where: { tenantId_name: { tenantId, name: 'webhook_key' } }, data: { ciphertext: altered.join('.') } });
      const revealed = store.reveal(tenantId, 'webhook_key');
      await expect(revealed).rejects.toThrow(SecretDecryptionError);
      await expect(revealed).rejects.not.toThrow(/whsec/);
    }
  });

  it('refuses to open secrets with another key, and says which setting to check', async () => {
    const tenantId = await newTenant();
    await store.put(tenantId, 'crm_token', 'written-with-key-one');
    const otherKey = createSecretStore(db, randomBytes(32));
    await expect(otherKey.reveal(tenantId, 'crm_token')).rejects.toThrow(
      'The secret "crm_token" could not be decrypted: it does not authenticate: CASCADE_SECRET_KEY differs from the key it was written with',
    );
    expect(() => createSecretStore(db, randomBytes(16))).toThrow(/32 bytes/);
  });

  it('refuses bad names and empty values before writing', async () => {
    const tenantId = await newTenant();
    for (const name of ['', '1st', 'has space', '../up', 'x'.repeat(101), 'ünïcode']) {
      await expect(store.put(tenantId, name, 'value')).rejects.toThrow(InvalidSecretError);
    }
    await expect(store.put(tenantId, 'empty', '')).rejects.toThrow('A secret value cannot be empty');
    expect(await store.list(tenantId)).toEqual([]);
  });

  it('hands one tenant’s secrets to a step and redacts what the step revealed', async () => {
    const tenantId = await newTenant();
    await store.put(tenantId, 'api_key', 'key-0123456789', { allowedHosts: ['api.example.com'] });
    await store.put(tenantId, 'unused', 'never-revealed-value');
    const secrets = store.forTenant(tenantId);
    expect(secrets.redact('key-0123456789')).toBe('key-0123456789');
    expect(await secrets.reveal('api_key', new URL('https://api.example.com/v1'))).toBe('key-0123456789');
    expect(secrets.redact({ log: 'called with key-0123456789', other: 'never-revealed-value' })).toEqual({
      log: 'called with [redacted:api_key]',
      other: 'never-revealed-value',
    });
    await expect(secrets.reveal('missing', new URL('https://api.example.com/'))).rejects.toThrow(SecretNotFoundError);
  });

  it('reveals a secret only for a request to a host on its allow-list, which a new secret does not have', async () => {
    const tenantId = await newTenant();
    await store.put(tenantId, 'crm_token', 'tok-allow-list-value');
    const secrets = store.forTenant(tenantId);
    const to = (url: string) => secrets.reveal('crm_token', new URL(url));
    await expect(to('https://api.crm.example/')).rejects.toThrow(
      'The secret "crm_token" may not be sent to api.crm.example: no hosts are allowed for it yet. An admin sets its allowed hosts under Settings → Secrets',
    );

    expect(await store.setAllowedHosts(tenantId, 'crm_token', ['API.CRM.example', '*.eu.crm.example', '10.0.0.7'])).toBe(true);
    expect(await to('https://api.crm.example:8443/v2?x=1')).toBe('tok-allow-list-value');
    expect(await to('https://a.b.eu.crm.example/')).toBe('tok-allow-list-value');
    expect(await to('http://10.0.0.7/')).toBe('tok-allow-list-value');
    // Compared with the host the URL parser reads, not with the text of the URL.
    expect(await to('http://0x0a.0.0.7/')).toBe('tok-allow-list-value');
    for (const url of [
      'https://eu.crm.example/', // the wildcard's own domain is not below it
      'https://api.crm.example.evil.example/',
      'https://evil.example/?to=api.crm.example',
      'https://api.crm.example@evil.example/',
      'https://evil.example\\@api.crm.example/',
      'https://api.crm.example./',
      'https://xapi.crm.example/',
    ]) {
      const refused = await to(url).catch((error: unknown) => error);
      expect(refused, url).toBeInstanceOf(SecretDestinationRefusedError);
      expect((refused as Error).message).toContain(`may not be sent to ${new URL(url).hostname}: it may only be sent to api.crm.example, *.eu.crm.example, 10.0.0.7`);
      expect((refused as Error).message).not.toContain('tok-allow-list-value');
    }
    expect(secrets.redact('tok-allow-list-value')).toBe('[redacted:crm_token]');
    expect(await store.setAllowedHosts(tenantId, 'no_such_secret', ['a.example'])).toBe(false);
  });

  it('keeps the allow-list when the value is replaced, and refuses entries that are not hosts', async () => {
    const tenantId = await newTenant();
    await store.put(tenantId, 'crm_token', 'first-value', { allowedHosts: ['api.crm.example', 'api.crm.example'] });
    const before = (await store.list(tenantId))[0]!;
    await store.put(tenantId, 'crm_token', 'second-value');
    expect((await store.list(tenantId))[0]).toMatchObject({ allowedHosts: ['api.crm.example'], createdAt: before.createdAt });
    await store.setAllowedHosts(tenantId, 'crm_token', []);
    expect((await store.list(tenantId))[0]!.allowedHosts).toEqual([]);
    for (const entry of ['', '*', 'https://a.example', 'a.example:443', 'a.example/path', 'user@a.example', '*.10.0.0.1', 'a .example', 'a.example.']) {
      await expect(store.setAllowedHosts(tenantId, 'crm_token', [entry]), entry).rejects.toThrow(InvalidSecretError);
    }
    await expect(store.setAllowedHosts(tenantId, 'crm_token', Array.from({ length: 51 }, (_, i) => `h${i}.example`))).rejects.toThrow(/At most 50 hosts/);
  });
});
