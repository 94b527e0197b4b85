import 'server-only';
import { type z } from 'zod';
import { logger } from '../services';
import { webMetrics } from '../metrics';
import { authenticate, type Principal, type Scope } from './authenticate';
import { HttpError, badRequest, issuesToDetails, problemResponse } from './problem';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type AnyObject = z.ZodObject;

/** Default ceiling for JSON bodies; routes that take batches raise it. */
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

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
  /** Largest accepted body in bytes (a function reads configuration at request time). */
  maxBodyBytes?: number | (() => number);
  response: { status: 200 | 201 | 202; description: string; schema: R };
  /** Error statuses this route answers besides the generic ones, for the OpenAPI document. */
  errors?: Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 422 | 503, string>>;
  handle(input: {
    params: z.infer<P>;
    query: z.infer<Q>;
    body: z.infer<B>;
    principal: A extends Scope ? Principal : null;
    request: Request;
  }): Promise<z.input<R> | Response>;
}

export type AnyRouteSpec = RouteSpec<AnyObject, AnyObject, z.ZodType, z.ZodType, Scope | null>;

export interface Route {
  spec: AnyRouteSpec;
  handler: (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
}

/**
 * Declares an HTTP route once: its zod request and response schemas both validate traffic and
 * generate the OpenAPI document. Bad input is answered with a precise 4xx problem document;
 * anything unexpected is logged and answered 500 without internals.
 */
export function defineRoute<
  P extends AnyObject = z.ZodObject<{}>,
  Q extends AnyObject = z.ZodObject<{}>,
  B extends z.ZodType = z.ZodUndefined,
  R extends z.ZodType = z.ZodType,
  A extends Scope | null = Scope,
>(spec: RouteSpec<P, Q, B, R, A>): Route {
  const handler: Route['handler'] = async (request, context) => {
    const startedAt = performance.now();
    let status = 500;
    try {
      const principal = spec.scope ? await authenticate(request, spec.scope) : null;
      const params = parsePart(spec.params, await context.params, 'params');
      const query = parsePart(spec.query, Object.fromEntries(new URL(request.url).searchParams), 'query');
      const maxBodyBytes = typeof spec.maxBodyBytes === 'function' ? spec.maxBodyBytes() : spec.maxBodyBytes;
      const body = spec.body ? parsePart(spec.body, await readJsonBody(request, maxBodyBytes), 'body') : undefined;
      const result = await spec.handle({
        params, query, body, request,
        principal: principal as A extends Scope ? Principal : null,
      } as Parameters<typeof spec.handle>[0]);
      const response = result instanceof Response ? result : Response.json(spec.response.schema.parse(result), { status: spec.response.status });
      status = response.status;
      return response;
    } catch (error) {
      if (error instanceof HttpError) {
        status = error.status;
        return problemResponse(error);
      }
      logger().error({ err: error, route: spec.operationId }, 'unhandled error in route');
      return problemResponse(new HttpError(500, 'Internal Server Error', 'The server failed to answer; the error is logged'));
    } finally {
      const metrics = webMetrics();
      metrics.httpRequests.inc({ method: spec.method, route: spec.path, status });
      metrics.httpDuration.observe({ method: spec.method, route: spec.path }, (performance.now() - startedAt) / 1000);
    }
  };
  return { spec: spec as unknown as AnyRouteSpec, handler };
}

function parsePart<S extends z.ZodType | undefined>(schema: S, value: unknown, where: string): S extends z.ZodType ? z.infer<S> : {} {
  if (!schema) return {} as never;
  const result = schema.safeParse(value);
  if (!result.success) {
    const errors = issuesToDetails(result.error.issues, where);
    throw badRequest(`The request ${where} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors);
  }
  return result.data as never;
}

async function readJsonBody(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new HttpError(415, 'Unsupported Media Type', 'Send the body as JSON with "Content-Type: application/json"');
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  const text = declared > maxBytes ? '' : await request.text();
  if (declared > maxBytes || Buffer.byteLength(text) > maxBytes) {
    throw new HttpError(413, 'Content Too Large', `The body exceeds the limit of ${maxBytes} bytes`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(`The body is not valid JSON: ${(error as Error).message}`);
  }
}
