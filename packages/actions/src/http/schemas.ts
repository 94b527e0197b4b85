import { z } from 'zod';

/** RFC 9110 token: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Header name → value; a bad name is reported at its own path (zod's record-key error would not say why). */
export function headerRecord<Value extends z.ZodType<string>>(value: Value) {
  return z.record(z.string(), value).superRefine((headers, context) => {
    for (const name of Object.keys(headers)) {
      if (!HEADER_NAME.test(name)) context.addIssue({ code: 'custom', path: [name], message: `${JSON.stringify(name)} is not a valid HTTP header name` });
    }
  });
}
/** The name of one of the tenant's secrets; its value is looked up when the step runs. */
export const secretName = z.string().min(1).max(200).describe('Name of a tenant secret; it is sent only to hosts on its allow-list (Settings → Secrets)');
export const httpUrl = z.url({ protocol: /^https?$/, error: 'Expected an http:// or https:// URL' });
export const timeoutMs = z.number().int().min(100).max(60_000).default(10_000).describe('Give up after this many milliseconds (at most 60 s)');
