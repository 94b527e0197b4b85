import { type z } from 'zod';
import type { AuditInTransaction } from '../audit/route-audit';
import type { Principal, Scope } from './authenticate';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type AnyObject = z.ZodObject;

/** A successful answer with another status than the route's usual one (200 for an update, 503 when not ready). */
export class StatusReply<T> {
  constructor(
    readonly status: number,
    readonly body: T,
  ) {}
}

/** Answers with `status` instead of the route's usual one; the body is still checked against the response schema. */
export const withStatus = <T>(status: number, body: T) => new StatusReply(status, body);

/**
 * One HTTP route: its zod request and response schemas both validate traffic and generate the
 * OpenAPI document, and `handle` sees only parsed input, never the framework's request object.
 */
export interface RouteSpec<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, R extends z.ZodType, A extends Scope | null> {
  method: HttpMethod;
  /** OpenAPI-style path, e.g. /api/v1/workflows/{id}. */
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  /** The scope a caller needs, or null for a public route. */
  scope: A;
  params?: P;
  query?: Q;
  body?: B;
  /**
   * The handler parses the JSON body with `body` itself, piece by piece (a batch of events is
   * accepted item by item, with paths into each); the pipeline only reads it as JSON, and `body`
   * still documents it. The handler then receives the JSON unparsed.
   */
  bodyParsedByHandler?: true;
  /** Largest accepted body in bytes (a function reads configuration at request time). */
  maxBodyBytes?: number | (() => number);
  /**
   * What the caller's rate limit counts for this route; without it, one request. `count` reads
   * the JSON body (unparsed) and says how many of `unit` it holds.
   */
  rateLimit?: { unit: 'events'; count(body: unknown): number };
  /** Admission beyond the rate limit, checked after it and before the body is read: throws an HttpError to refuse. */
  admit?: (principal: Principal) => Promise<void>;
  /**
   * Conditional GET, so polling a page stays cheap: `'body'` tags the answer by a hash of its body
   * (the work is done, the bytes are saved); a function gives a fingerprint of what the answer is
   * built from, read before `handle`, which then runs only when the caller's `If-None-Match` differs.
   * A matching request is answered 304 with no body.
   */
  etag?: 'body' | ((input: { params: z.infer<P>; query: z.infer<Q>; principal: A extends Scope ? Principal : null }) => Promise<string | undefined>);
  /**
   * What a successful call writes to the tenant's audit trail. Every method but GET changes state
   * and is audited, unless this is `false`: a POST that only reads (a filter backtest), or the event
   * intake, whose event log is its own append-only record. `summary` picks what to keep of the body
   * (never a secret value); by default the body itself, bounded, with credential-named fields redacted.
   */
  audit?: false | { summary(body: z.infer<B>): unknown };
  response: {
    status: 200 | 201 | 202;
    description: string;
    schema: R;
    /** Other success statuses the handler answers with the same schema (`withStatus`), documented beside the usual one. */
    otherStatuses?: Partial<Record<200 | 201, string>>;
  };
  /** Error statuses this route answers besides the generic ones, for the OpenAPI document. */
  errors?: Partial<Record<400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 503, string>>;
  handle(input: {
    params: z.infer<P>;
    query: z.infer<Q>;
    body: z.infer<B>;
    principal: A extends Scope ? Principal : null;
    /**
     * Appends the call's audit entry inside the handler's transaction, so the change and its entry
     * commit together; a handler that does not call it is audited by the pipeline after it succeeds.
     */
    audit: AuditInTransaction;
  }): Promise<z.input<R> | StatusReply<z.input<R>>>;
}

export type AnyRouteSpec = RouteSpec<AnyObject, AnyObject, z.ZodType, z.ZodType, Scope | null>;

/** A declared route: its spec, and the handler Next's route files export. */
export interface Route {
  spec: AnyRouteSpec;
  handler: (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
}
