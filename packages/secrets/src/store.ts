import type { Database } from '@cascade/db';
import { openSecret, sealSecret, secretAad } from './cipher';
import { InvalidSecretError, SecretDecryptionError, SecretNotFoundError } from './errors';
import { secretNameSchema, secretValueSchema } from './names';
import { createRedactor, type Redactor } from './redact';

export interface SecretSummary {
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Tenant secrets, encrypted at rest; only `reveal` ever returns a value. */
export interface SecretStore {
  /** Creates or replaces the secret; `created` tells which. */
  put(tenantId: string, name: string, value: string): Promise<{ created: boolean }>;
  /** Names and timestamps, by name. */
  list(tenantId: string): Promise<SecretSummary[]>;
  /** False when the tenant had no secret by that name. */
  remove(tenantId: string, name: string): Promise<boolean>;
  /** Throws SecretNotFoundError, or SecretDecryptionError when the key or the stored value is wrong. */
  reveal(tenantId: string, name: string): Promise<string>;
  /** One tenant's secrets for one unit of work (a step): reveals, and redacts what it revealed. */
  forTenant(tenantId: string): TenantSecrets;
}

export interface TenantSecrets {
  /** Fits the `secrets` of an action's context. */
  reveal(name: string): Promise<string>;
  /** Replaces every value revealed through this object so far with `[redacted:<name>]`. */
  redact: Redactor;
}

/** The secret store over the `secrets` table, sealing values with `key` (see parseSecretKey). */
export function createSecretStore(db: Database, key: Buffer): SecretStore {
  if (key.length !== 32) throw new InvalidSecretError('The secret key must be 32 bytes (AES-256)');

  async function reveal(tenantId: string, name: string): Promise<string> {
    const row = await db.secret.findUnique({ where: { tenantId_name: { tenantId, name } }, select: { ciphertext: true } });
    if (!row) throw new SecretNotFoundError(name);
    try {
      return openSecret(key, secretAad(tenantId, name), row.ciphertext);
    } catch (error) {
      throw new SecretDecryptionError(name, (error as Error).message);
    }
  }

  return {
    async put(tenantId, name, value) {
      const checked = secretNameSchema.safeParse(name);
      if (!checked.success) throw new InvalidSecretError(`Invalid secret name: ${checked.error.issues[0]!.message}`);
      const checkedValue = secretValueSchema.safeParse(value);
      if (!checkedValue.success) throw new InvalidSecretError(checkedValue.error.issues[0]!.message);
      const ciphertext = sealSecret(key, secretAad(tenantId, name), value);
      // One statement, so concurrent writers cannot both "create"; xmax = 0 marks a fresh insert.
      const [row] = await db.$queryRaw<Array<{ created: boolean }>>`
        INSERT INTO secrets (tenant_id, name, ciphertext, updated_at)
        VALUES (${tenantId}::uuid, ${name}, ${ciphertext}, now())
        ON CONFLICT (tenant_id, name) DO UPDATE SET ciphertext = EXCLUDED.ciphertext, updated_at = now()
        RETURNING (xmax = 0) AS created`;
      return { created: row!.created };
    },

    list: (tenantId) =>
      db.secret.findMany({ where: { tenantId }, orderBy: { name: 'asc' }, select: { name: true, createdAt: true, updatedAt: true } }),

    async remove(tenantId, name) {
      const { count } = await db.secret.deleteMany({ where: { tenantId, name } });
      return count > 0;
    },

    reveal,

    forTenant(tenantId) {
      const revealed = new Map<string, string>();
      let redactor: Redactor = createRedactor([]);
      return {
        async reveal(name) {
          const value = await reveal(tenantId, name);
          if (revealed.get(name) !== value) {
            revealed.set(name, value);
            redactor = createRedactor([...revealed].map(([secretName, secretValue]) => ({ name: secretName, value: secretValue })));
          }
          return value;
        },
        redact: (value) => redactor(value),
      };
    },
  };
}
