import { z } from 'zod';

export const SECRET_KEY_BYTES = 32;

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Reads the AES-256 key that seals tenant secrets: base64 (or base64url) of exactly 32 random
 * bytes, as `openssl rand -base64 32` prints. Anything else is refused with what was wrong, never
 * with the text itself.
 */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  if (!BASE64.test(trimmed)) {
    throw new Error(`must be base64 of ${SECRET_KEY_BYTES} random bytes (e.g. \`openssl rand -base64 32\`); it contains other characters`);
  }
  const key = Buffer.from(trimmed.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
  if (key.length !== SECRET_KEY_BYTES) {
    throw new Error(`must be base64 of exactly ${SECRET_KEY_BYTES} bytes (e.g. \`openssl rand -base64 32\`); it decodes to ${key.length}`);
  }
  return key;
}

/** The setting every app that reads or writes secrets spreads into its environment schema. */
export const secretsEnvFields = {
  /** Base64 of 32 random bytes; seals every tenant secret (AES-256-GCM). Losing it loses the secrets. */
  CASCADE_SECRET_KEY: z
    .string({ error: 'is required: base64 of 32 random bytes that encrypts tenant secrets (`openssl rand -base64 32`)' })
    .transform((text, ctx) => {
      try {
        return parseSecretKey(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
};
