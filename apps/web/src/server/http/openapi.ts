import 'server-only';
import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { z } from 'zod';
import type { AnyRouteSpec, Route } from './define-route';
import { problemSeverityAndFix } from './problem';

const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          expected: z.string().optional(),
          received: z.string().optional(),
          nodeId: z.string().optional(),
          edgeId: z.string().optional(),
          field: z.string().optional(),
          code: z.string().optional(),
          ...problemSeverityAndFix,
        }),
      )
      .optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details; `errors` addresses each problem by JSON path' });

const RetryAfter = z.object({
  'Retry-After': z.string().regex(/^\d+$/).meta({ description: 'Whole seconds until the request would be admitted' }),
});

/** What the pipeline answers besides a route's own errors, by what the route takes. */
function pipelineErrors(spec: AnyRouteSpec): Record<string, string> {
  return {
    ...(spec.params || spec.query || spec.body ? { '400': 'The request is malformed; `errors` lists each problem by path' } : {}),
    ...(spec.scope
      ? {
          '401': 'No valid API key or session',
          '403': `The caller lacks the scope \`${spec.scope}\``,
          '429': `The API key (or user) or its tenant has used up its rate limit of ${spec.rateLimit ? 'events (each event of a batch counts)' : 'requests'}${spec.admit ? ', or the tenant has too many events waiting to be dispatched' : ''}; \`Retry-After\` says in how many seconds to try again`,
          '503': 'The database is unreachable (down or restarting); nothing was changed, and `Retry-After` says in how many seconds to try again',
        }
      : {}),
    ...(spec.body
      ? { '413': 'The body exceeds the route’s size limit (checked while it arrives, chunked or not)', '415': 'The body is not sent as JSON (Content-Type: application/json)' }
      : {}),
    '500': 'The server failed; the error is logged',
  };
}

const DESCRIPTION = [
  'Publish events, manage workflows and read runs.',
  'A method a path does not support is answered 405 with an `Allow` header naming the ones it does; OPTIONS answers 204 with the same header, and HEAD answers as GET without a body.',
  'Lists answer a page: at most `limit` items and `nextCursor`, which, passed as `cursor`, reads the next page (null on the last one).',
  'Webhook deliveries (subscribed with POST /api/v1/webhooks) carry `Cascade-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed with the subscription’s signing secret: recompute it over the raw body, compare in constant time and refuse a `t` more than 5 minutes away;',
  '`Cascade-Delivery` and `Idempotency-Key` hold the delivery id, the same on every attempt and on a replay.',
].join(' ');

/** The OpenAPI 3.1 document of every route, generated from their zod schemas. */
export function buildOpenApiDocument(routes: Route[]) {
  const paths: ZodOpenApiPathsObject = {};
  for (const { spec } of routes) {
    const errors = { ...pipelineErrors(spec), ...spec.errors };
    paths[spec.path] ??= {};
    paths[spec.path]![spec.method.toLowerCase() as 'get'] = {
      operationId: spec.operationId,
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.scope ? { security: [{ apiKey: [] }], description: `Requires the scope \`${spec.scope}\`.` } : { security: [] }),
      requestParams: { ...(spec.params ? { path: spec.params } : {}), ...(spec.query ? { query: spec.query } : {}) },
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
      responses: {
        [spec.response.status]: { description: spec.response.description, content: { 'application/json': { schema: spec.response.schema } } },
        ...Object.fromEntries(
          Object.entries(spec.response.otherStatuses ?? {}).map(([status, description]) => [
            status,
            { description, content: { 'application/json': { schema: spec.response.schema } } },
          ]),
        ),
        ...Object.fromEntries(
          Object.entries(errors).map(([status, description]) => [
            status,
            { description, ...(status === '429' ? { headers: RetryAfter } : {}), content: { 'application/problem+json': { schema: Problem } } },
          ]),
        ),
      },
    };
  }
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'Cascade API', version: '1.0.0', description: DESCRIPTION },
    components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: csk_…' } } },
    paths,
  });
}
