import { createHash, randomBytes } from 'node:crypto';

export { API_KEY_SCOPES, type ApiKeyScope } from './scopes';

/** API keys read `csk_<8-char prefix>_<secret>`; the prefix is stored in clear to tell keys apart. */
const API_KEY_PATTERN = /^csk_([a-z0-9]{8})_([A-Za-z0-9_-]{32,})$/;

export interface GeneratedApiKey {
  key: string;
  prefix: string;
  hash: string;
}

export function generateApiKey(): GeneratedApiKey {
  const prefix = randomBytes(6).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 8);
  return apiKeyFromString(`csk_${prefix}_${randomBytes(24).toString('base64url')}`)!;
}

/** Accepts a key chosen by the operator (BOOTSTRAP_API_KEY) if it has the right shape. */
export function apiKeyFromString(key: string): GeneratedApiKey | undefined {
  const match = API_KEY_PATTERN.exec(key);
  if (!match) return undefined;
  return { key, prefix: match[1]!, hash: hashApiKey(key) };
}

/** Keys carry 192 random bits, so a fast hash is enough; no salt is needed to look one up. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
