import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost: N (as log2 N), block size r and parallelism p. */
export interface ScryptParameters {
  logN: number;
  r: number;
  p: number;
}

/**
 * The OWASP Password Storage Cheat Sheet's minimum for scrypt: N = 2^17, r = 8, p = 1 (128 MiB
 * and about a third of a second per hash on one core). New hashes use it; older ones are
 * rehashed with it on their owner's next successful sign-in.
 */
export const PASSWORD_SCRYPT: Readonly<ScryptParameters> = { logN: 17, r: 8, p: 1 };

/** What hashes of the first format (`scrypt$salt$hash`, no parameters) were made with: node's defaults. */
const UNLABELLED_SCRYPT: Readonly<ScryptParameters> = { logN: 14, r: 8, p: 1 };

const KEY_LENGTH = 64;

/** Bounds on parameters read back from a stored hash, so a tampered row cannot ask for gigabytes. */
const MAX_LOG_N = 20;
const MAX_R = 16;
const MAX_P = 4;

function derive(password: string, salt: Buffer, keyLength: number, { logN, r, p }: ScryptParameters): Promise<Buffer> {
  const N = 2 ** logN;
  // scrypt needs 128·N·r·p bytes; node refuses past 32 MiB unless maxmem allows it.
  const maxmem = 2 * 128 * N * r * p;
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keyLength, { N, r, p, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$ln=17,r=8,p=1$<salt>$<hash>` (base64): the parameters travel with the hash. */
export async function hashPassword(password: string, parameters: ScryptParameters = PASSWORD_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const derived = await derive(password, salt, KEY_LENGTH, parameters);
  const { logN, r, p } = parameters;
  return `scrypt$ln=${logN},r=${r},p=${p}$${salt.toString('base64')}$${derived.toString('base64')}`;
}

interface StoredHash {
  parameters: ScryptParameters;
  salt: Buffer;
  hash: Buffer;
}

/** Reads either format; undefined for anything else, or parameters past the bounds. */
export function parseStoredHash(stored: string): StoredHash | undefined {
  const parts = stored.split('$');
  if (parts[0] !== 'scrypt') return undefined;
  const [settings, salt, hash] = parts.length === 3 ? [undefined, parts[1], parts[2]] : parts.length === 4 ? parts.slice(1) : [];
  if (!salt || !hash) return undefined;
  let parameters = UNLABELLED_SCRYPT;
  if (settings !== undefined) {
    const match = /^ln=(\d{1,2}),r=(\d{1,2}),p=(\d)$/.exec(settings);
    if (!match) return undefined;
    parameters = { logN: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
    if (parameters.logN < 1 || parameters.logN > MAX_LOG_N || parameters.r < 1 || parameters.r > MAX_R || parameters.p < 1 || parameters.p > MAX_P) {
      return undefined;
    }
  }
  const decoded = { parameters, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
  // An empty or truncated hash would compare equal to an equally short derivation.
  return decoded.hash.length >= 32 && decoded.salt.length >= 8 ? decoded : undefined;
}

export interface PasswordCheck {
  valid: boolean;
  /** Valid, but hashed with weaker parameters than PASSWORD_SCRYPT: store `hashPassword(password)` anew. */
  outdated: boolean;
}

/** A fixed hash of the current strength that no password matches in practice, for `verifyPassword(p, undefined)`. */
const DUMMY_SALT = Buffer.alloc(16, 0x5a);

/**
 * Checks `password` against a stored hash. Without one (no such account) it runs the same scrypt
 * against a dummy and answers invalid, so that how long a sign-in takes does not tell whether the
 * email exists.
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<PasswordCheck> {
  const parsed = stored === undefined ? undefined : parseStoredHash(stored);
  if (!parsed) {
    await derive(password, DUMMY_SALT, KEY_LENGTH, PASSWORD_SCRYPT);
    return { valid: false, outdated: false };
  }
  const derived = await derive(password, parsed.salt, parsed.hash.length, parsed.parameters);
  const valid = derived.length === parsed.hash.length && timingSafeEqual(derived, parsed.hash);
  return { valid, outdated: valid && isWeaker(parsed.parameters) };
}

function isWeaker({ logN, r, p }: ScryptParameters): boolean {
  return logN < PASSWORD_SCRYPT.logN || r < PASSWORD_SCRYPT.r || p < PASSWORD_SCRYPT.p;
}
