import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A fresh CASCADE_SECRET_KEY: base64 of 32 random bytes, the AES-256 key of tenant secrets. */
export function generateSecretKey(): string {
  return randomBytes(32).toString('base64');
}

/**
 * The key tenant secrets are sealed with, generated once into `<dataDir>/secret-key` (mode 600)
 * and kept with the data: a new key on every start would leave every stored secret unreadable.
 */
export function persistentSecretKey(dataDir: string): string {
  const file = path.join(dataDir, 'secret-key');
  try {
    writeFileSync(file, `${generateSecretKey()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}
