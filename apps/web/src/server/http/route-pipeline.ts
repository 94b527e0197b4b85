import 'server-only';
import { createHash } from 'node:crypto';
import { checkJsonDepth, MAX_JSON_DEPTH } from '@cascade/catalog';
import { findUnstorableText, isDatabaseUnavailable } from '@cascade/db';
import { contextOfHeaders, SpanKind, SpanStatusCode, withSpan } from '@cascade/telemetry';
import { type z } from 'zod';
import { webMetrics } from '../metrics';
import { logger } from '../services';
import { webEnv } from '../../env.server';
import { auditOfCall } from '../audit/route-audit';
import { authenticate } from './authenticate';
import { HttpError, badRequest, issuesToDetails, problemDocument } from './problem';
import { admitRequest, chargeRest, delayRefusal } from './rate-limit';
import { StatusReply, type AnyRouteSpec } from './route-spec';
import { checkSameOrigin } from './same-origin';

/** Default ceiling for JSON bodies; routes that take batches raise it. */
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** A request as the pipeline reads it, whichever server received it (Next, or node:http in server.ts). */
export interface RouteRequest {
  /** A header by its lower-case name; repeated headers joined as node:http and `Headers` join them. */
  header(name: string): string | undefined;
  query: URLSearchParams;
  params: Record<string, string | string[]>;
  /**
   * The body decoded as `Request.text()` decodes it (UTF-8, a leading BOM dropped). Called at most
   * once. An adapter may stop reading once the body is sure to exceed `maxBytes` and return what
   * it has: the pipeline answers 413 for anything longer than `maxBytes`.
   */
  text(maxBytes: number): Promise<string>;
}

/** What to send back: status, headers and the JSON body, for an adapter to write. */
export interface RouteAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The one pipeline every route runs, behind either adapter: authenticate (and, for a session
 * cookie, refuse cross-site changes) → rate limit → the route's own admission (`admit`: the intake
 * refuses a tenant whose backlog is full before reading its body) → parse params, query
 * and body with the spec's schemas → handle → audit a change → check the response against its schema. Bad input
 * is answered with a precise 4xx problem document; anything unexpected is logged and answered 500
 * without internals. Every answer is counted in the web app's metrics.
 */
export function answerRoute(spec: AnyRouteSpec, request: RouteRequest): Promise<RouteAnswer> {
  // The edge of a trace: a caller's W3C traceparent is continued, else a trace starts here.
  const span = { kind: SpanKind.SERVER, parent: contextOfHeaders(request.header), attributes: { 'http.request.method': spec.method, 'http.route': spec.path } };
  return withSpan(`${spec.method} ${spec.path}`, span, async (active) => {
    const answer = await answerWithinSpan(spec, request);
    active.setAttribute('http.response.status_code', answer.status);
    if (answer.status >= 500) active.setStatus({ code: SpanStatusCode.ERROR });
    return answer;
  });
}

async function answerWithinSpan(spec: AnyRouteSpec, request: RouteRequest): Promise<RouteAnswer> {
  const startedAt = performance.now();
  let answer: RouteAnswer;
  try {
    const principal = spec.scope
      ? await authenticate({ authorization: request.header('authorization'), cookie: request.header('cookie') }, spec.scope)
      : null;
    if (principal?.kind === 'user') checkSameOrigin(spec.method, (name) => request.header(name), webEnv().PUBLIC_URL);
    const rateUnit = spec.rateLimit?.unit ?? 'requests';
    if (principal) admitRequest(principal, rateUnit);
    if (principal && spec.admit) await spec.admit(principal);
    const params = parsePart(spec.params, request.params, 'params');
    const query = parsePart(spec.query, Object.fromEntries(request.query), 'query');
    const maxBodyBytes = typeof spec.maxBodyBytes === 'function' ? spec.maxBodyBytes() : spec.maxBodyBytes;
    const rawBody = spec.body ? await readJsonBody(request, maxBodyBytes) : undefined;
    if (principal && spec.rateLimit) chargeRest(principal, rateUnit, spec.rateLimit.count(rawBody));
    if (spec.body && !spec.bodyParsedByHandler) refuseUnstorableBody(rawBody);
    const body = spec.body && !spec.bodyParsedByHandler ? parsePart(spec.body, rawBody, 'body') : rawBody;
    const fingerprint = typeof spec.etag === 'function' ? await spec.etag({ params, query, principal }) : undefined;
    const tag = fingerprint === undefined ? undefined : entityTag(fingerprint);
    if (tag && matchesIfNoneMatch(request.header('if-none-match'), tag)) {
      answer = notModified(tag);
    } else {
      const audit = auditOfCall(spec, { principal, params, body });
      const result = await spec.handle({ params, query, body, principal, audit: audit.inTransaction });
      await audit.afterSuccess(result instanceof StatusReply ? result.body : result);
      answer = result instanceof StatusReply
        ? json(result.status, spec.response.schema.parse(result.body))
        : json(spec.response.status, spec.response.schema.parse(result));
      if (spec.etag && answer.status === 200) answer = conditional(answer, tag ?? entityTag(answer.body), request.header('if-none-match'));
    }
  } catch (error) {
    const problem = problemFor(error, spec);
    if (problem.status === 429) await delayRefusal();
    answer = json(problem.status, problemDocument(problem), 'application/problem+json', problem.headers);
  }
  const metrics = webMetrics();
  metrics.httpRequests.inc({ method: spec.method, route: spec.path, status: answer.status });
  metrics.httpDuration.observe({ method: spec.method, route: spec.path }, (performance.now() - startedAt) / 1000);
  return answer;
}

/** A strong entity tag for a fingerprint or a body: short, and opaque to the client. */
const entityTag = (value: string) => `"${createHash('sha256').update(value).digest('base64url').slice(0, 27)}"`;

/** Whether `If-None-Match` names the tag (a list, weak forms and `*` included, RFC 9110 §13.1.2). */
function matchesIfNoneMatch(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value.replace(/^W\//, '') === tag;
  });
}

const notModified = (tag: string): RouteAnswer => ({ status: 304, headers: { etag: tag, 'cache-control': 'private, no-cache' }, body: '' });

/** The answer tagged, or 304 when the caller holds it already. */
function conditional(answer: RouteAnswer, tag: string, ifNoneMatch: string | undefined): RouteAnswer {
  if (matchesIfNoneMatch(ifNoneMatch, tag)) return notModified(tag);
  return { ...answer, headers: { ...answer.headers, etag: tag, 'cache-control': 'private, no-cache' } };
}

/** Seconds a client should wait before trying again while the database is unreachable. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The problem answering what a route threw: its own HttpError, 503 while the database is unreachable, else a logged 500. */
function problemFor(error: unknown, spec: AnyRouteSpec): HttpError {
  if (error instanceof HttpError) return error;
  if (isDatabaseUnavailable(error)) {
    logger().warn({ route: spec.operationId, err: error }, 'database unreachable; answered 503');
    return new HttpError(503, 'Service Unavailable', 'The database is unreachable; try again shortly', undefined, { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) });
  }
  logger().error({ err: error, route: spec.operationId }, 'unhandled error in route');
  return new HttpError(500, 'Internal Server Error', 'The server failed to answer; the error is logged');
}

const json = (status: number, value: unknown, contentType = 'application/json', headers: Record<string, string> = {}): RouteAnswer => ({
  status,
  headers: { ...headers, 'content-type': contentType },
  body: JSON.stringify(value),
});

function parsePart<S extends z.ZodType | undefined>(schema: S, value: unknown, where: string): S extends z.ZodType ? z.infer<S> : {} {
  if (!schema) return {} as never;
  // A NUL in a filter reached PostgreSQL and was answered 500 (found by fuzzing GET /templates?event=).
  const unstorable = findUnstorableText(value, `/${where}`);
  if (unstorable.length) throw badRequest(`The request ${where} holds text PostgreSQL cannot store`, unstorable);
  const result = schema.safeParse(value);
  if (!result.success) {
    const errors = issuesToDetails(result.error.issues, where);
    throw badRequest(`The request ${where} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
  }
  return result.data as never;
}

/**
 * A body nested past MAX_JSON_DEPTH would overflow the stack of whatever serialises it, and text
 * PostgreSQL cannot store (U+0000, lone surrogates) would fail the write the body leads to: both
 * were answered 500, and are refused here with their paths. Ingestion, which parses its own bodies,
 * refuses them per event.
 */
function refuseUnstorableBody(body: unknown): void {
  const tooDeep = checkJsonDepth(body, '/body');
  if (tooDeep.length) throw badRequest(`The body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`, tooDeep);
  const unstorable = findUnstorableText(body, '/body');
  if (unstorable.length) throw badRequest('The body holds text PostgreSQL cannot store', unstorable);
}

async function readJsonBody(request: RouteRequest, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(request.header('content-type') ?? '')) {
    throw new HttpError(415, 'Unsupported Media Type', 'Send the body as JSON with "Content-Type: application/json"');
  }
  const tooLarge = () => new HttpError(413, 'Content Too Large', `The body exceeds the limit of ${maxBytes} bytes`);
  // A declared length over the limit is refused before a byte of the body is read.
  if (Number(request.header('content-length') ?? 0) > maxBytes) throw tooLarge();
  const text = await request.text(maxBytes);
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(`The body is not valid JSON: ${(error as Error).message}`);
  }
}
