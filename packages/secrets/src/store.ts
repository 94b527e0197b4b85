import type { Database, Prisma } from '@cascade/db';
import { allowedHostsSchema, isHostAllowed } from './allowed-hosts';
import { openSecret, sealSecret, secretAad } from './cipher';
import { InvalidSecretError, SecretDecryptionError, SecretDestinationRefusedError, SecretNotFoundError } from './errors';
import { secretNameSchema, secretValueSchema } from './names';
import { createRedactor, type Redactor } from './redact';

export interface SecretSummary {
  name: string;
  /** Hosts the value may be sent to (see allowedHostSchema); empty: none. */
  allowedHosts: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** Tenant secrets, encrypted at rest; only `reveal` ever returns a value. */
/** A change made inside the caller's transaction, which commits it with the caller's own writes (its audit entry). */
export interface Within {
  within?: Prisma.TransactionClient;
}

export interface SecretStore {
  /**
   * Creates or replaces the secret; `created` tells which. A new secret gets `allowedHosts` (none
   * when omitted); a replaced one keeps its list unless `allowedHosts` is given.
   */
  put(tenantId: string, name: string, value: string, options?: { allowedHosts?: readonly string[] } & Within): Promise<{ created: boolean }>;
  /** Replaces the hosts the secret may be sent to; false when the tenant had no secret by that name. */
  setAllowedHosts(tenantId: string, name: string, allowedHosts: readonly string[], options?: Within): Promise<boolean>;
  /** Names, allowed hosts and timestamps, by name. */
  list(tenantId: string): Promise<SecretSummary[]>;
  /** False when the tenant had no secret by that name. */
  remove(tenantId: string, name: string, options?: Within): Promise<boolean>;
  /** Throws SecretNotFoundError, or SecretDecryptionError when the key or the stored value is wrong. */
  reveal(tenantId: string, name: string): Promise<string>;
  /** One tenant's secrets for one unit of work (a step): reveals, and redacts what it revealed. */
  forTenant(tenantId: string): TenantSecrets;
}

export interface TenantSecrets {
  /**
   * The value, for a request about to go to `destination`; fits the `secrets` of an action's
   * context. Throws SecretDestinationRefusedError, before decrypting anything, when the
   * destination's host is not on the secret's allow-list.
   */
  reveal(name: string, destination: URL): Promise<string>;
  /** Replaces every value revealed through this object so far with `[redacted:<name>]`. */
  redact: Redactor;
}

/** The secret store over the `secrets` table, sealing values with `key` (see parseSecretKey). */
export function createSecretStore(db: Database, key: Buffer): SecretStore {
  if (key.length !== 32) throw new InvalidSecretError('The secret key must be 32 bytes (AES-256)');

  async function reveal(tenantId: string, name: string, destination?: URL): Promise<string> {
    const row = await db.secret.findUnique({ where: { tenantId_name: { tenantId, name } }, select: { ciphertext: true, allowedHosts: true } });
    if (!row) throw new SecretNotFoundError(name);
    if (destination && !isHostAllowed(row.allowedHosts, destination)) {
      throw new SecretDestinationRefusedError(name, destination.hostname, row.allowedHosts);
    }
    try {
      return openSecret(key, secretAad(tenantId, name), row.ciphertext);
    } catch (error) {
      throw new SecretDecryptionError(name, (error as Error).message);
    }
  }

  function checkedHosts(allowedHosts: readonly string[]): string[] {
    const checked = allowedHostsSchema.safeParse(allowedHosts);
    if (!checked.success) throw new InvalidSecretError(`Invalid allowed hosts: ${checked.error.issues[0]!.message}`);
    return checked.data;
  }

  return {
    async put(tenantId, name, value, options = {}) {
      const client = options.within ?? db;
      const checked = secretNameSchema.safeParse(name);
      if (!checked.success) throw new InvalidSecretError(`Invalid secret name: ${checked.error.issues[0]!.message}`);
      const checkedValue = secretValueSchema.safeParse(value);
      if (!checkedValue.success) throw new InvalidSecretError(checkedValue.error.issues[0]!.message);
      const hosts = options.allowedHosts ? checkedHosts(options.allowedHosts) : null;
      const ciphertext = sealSecret(key, secretAad(tenantId, name), value);
      // One statement, so concurrent writers cannot both "create"; xmax = 0 marks a fresh insert.
      const [row] = await client.$queryRaw<Array<{ created: boolean }>>`
        INSERT INTO secrets (tenant_id, name, ciphertext, allowed_hosts, updated_at)
        VALUES (${tenantId}::uuid, ${name}, ${ciphertext}, COALESCE(${hosts}::text[], '{}'), now())
        ON CONFLICT (tenant_id, name) DO UPDATE SET
          ciphertext = EXCLUDED.ciphertext,
          allowed_hosts = COALESCE(${hosts}::text[], secrets.allowed_hosts),
          updated_at = now()
        RETURNING (xmax = 0) AS created`;
      return { created: row!.created };
    },

    async setAllowedHosts(tenantId, name, allowedHosts, options = {}) {
      // Raw, so that `updated_at` keeps saying when the value was last replaced.
      const count = await (options.within ?? db).$executeRaw`
        UPDATE secrets SET allowed_hosts = ${checkedHosts(allowedHosts)}::text[] WHERE tenant_id = ${tenantId}::uuid AND name = ${name}`;
      return count > 0;
    },

    list: (tenantId) =>
      db.secret.findMany({
        where: { tenantId },
        orderBy: { name: 'asc' },
        select: { name: true, allowedHosts: true, createdAt: true, updatedAt: true },
      }),

    async remove(tenantId, name, options = {}) {
      const { count } = await (options.within ?? db).secret.deleteMany({ where: { tenantId, name } });
      return count > 0;
    },

    reveal: (tenantId, name) => reveal(tenantId, name),

    forTenant(tenantId) {
      const revealed = new Map<string, string>();
      let redactor: Redactor = createRedactor([]);
      return {
        async reveal(name, destination) {
          const value = await reveal(tenantId, name, destination);
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
