import { z } from 'zod';
import { defineManifest } from '../define-action';
import { headerRecord, httpUrl, secretName, timeoutMs } from './schemas';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const queryValue = z.union([z.string(), z.number(), z.boolean()]);

export const sendRequestManifest = defineManifest({
  id: 'http.request',
  version: 1,
  label: 'HTTP request',
  description:
    'Calls an HTTP endpoint and returns its status, headers and body. Private and internal addresses are refused unless the worker allows the host.',
  category: 'Integrations',
  input: z
    .object({
      method: z.enum(METHODS).default('GET'),
      url: httpUrl,
      headers: headerRecord(z.string()).default({}).describe('Plain request headers; put credentials in auth or secretHeaders'),
      query: z.record(z.string(), z.union([queryValue, z.array(queryValue)])).optional().describe('Added to the URL query string'),
      body: z.json().optional().describe('A string is sent as text, anything else as JSON'),
      timeoutMs,
      responseType: z.enum(['json', 'text', 'auto']).default('auto').describe('auto parses JSON when the response says it is JSON'),
      auth: z.object({ type: z.literal('bearer'), secret: secretName }).optional().describe('Authorization: Bearer <secret>'),
      secretHeaders: headerRecord(secretName).optional().describe('Header name → secret name, e.g. {"X-Api-Key": "crm-key"}'),
      failOnStatus: z.boolean().default(false).describe('Fail the step when the status is not 2xx'),
      followRedirects: z.boolean().default(true).describe('Follow up to 5 redirects; credentials are not sent to another origin'),
    })
    .refine((input) => input.body === undefined || (input.method !== 'GET' && input.method !== 'HEAD'), {
      path: ['body'],
      message: 'GET and HEAD requests cannot have a body',
    }),
  output: z.object({
    status: z.number().int(),
    headers: z.record(z.string(), z.string()),
    body: z.unknown().describe('Parsed JSON, text, or null when empty'),
    url: z.string().describe('The URL that answered, after redirects'),
  }),
  // POST and friends may create something each time they run.
  idempotent: false,
  sideEffects: true,
  // A mapped method (an expression) is taken as one that may write.
  callHasSideEffects: (input) => {
    const method = (input as { method?: unknown } | null)?.method ?? 'GET';
    return method !== 'GET';
  },
});
