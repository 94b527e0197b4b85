import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Binds a ciphertext to where it is stored: copied to another tenant's row or renamed, it no
 * longer authenticates, so a database writer cannot move one tenant's secret to another.
 */
export function secretAad(tenantId: string, name: string): Buffer {
  return Buffer.from(`cascade-secret\u0000${FORMAT}\u0000${tenantId}\u0000${name}`, 'utf8');
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url parts; a fresh random IV for every write. */
export function sealSecret(key: Buffer, aad: Buffer, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** Opens a sealed secret; throws with the reason (never the value) when it does not authenticate. */
export function openSecret(key: Buffer, aad: Buffer, sealed: string): string {
  const [format, iv, tag, ciphertext, ...rest] = sealed.split('.');
  if (format !== FORMAT || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) {
    throw new Error(`the stored value is not in the ${FORMAT} format`);
  }
  const ivBytes = Buffer.from(iv, 'base64url');
  const tagBytes = Buffer.from(tag, 'base64url');
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new Error(`the stored value is not in the ${FORMAT} format`);
  const decipher = createDecipheriv(ALGORITHM, key, ivBytes, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tagBytes);
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error(
      'it does not authenticate: CASCADE_SECRET_KEY differs from the key it was written with, or the stored value was altered or copied from another tenant or name',
    );
  }
}
