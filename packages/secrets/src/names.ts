import { z } from 'zod';

/**
 * Secret names are identifiers (`crm_token`, `stripe.live-key`) because workflows and remote
 * actions refer to them by name and the API carries them in a URL path segment.
 */
export const secretNamePattern = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;

export const secretNameSchema = z
  .string()
  .regex(secretNamePattern, 'Use up to 100 letters, digits, _ . or -, starting with a letter (e.g. crm_token)');

/** Longest value accepted, in characters: tokens, keys and certificates fit easily. */
export const MAX_SECRET_VALUE_LENGTH = 65_536;

export const secretValueSchema = z
  .string()
  .min(1, 'A secret value cannot be empty')
  .max(MAX_SECRET_VALUE_LENGTH, `A secret value is at most ${MAX_SECRET_VALUE_LENGTH} characters`);
