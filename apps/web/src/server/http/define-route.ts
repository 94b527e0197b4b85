import 'server-only';
import { type z } from 'zod';
import type { Scope } from './authenticate';
import { answerRoute } from './route-pipeline';
import type { AnyRouteSpec, Route, RouteSpec } from './route-spec';

export { withStatus, type AnyRouteSpec, type Route, type RouteSpec } from './route-spec';

/**
 * Declares an HTTP route once. The spec runs through the one pipeline (`answerRoute`); the
 * returned `handler` is its adapter to Next's route files, which export it as GET, POST, …
 * The custom server answers its hot routes with the same spec over node:http (node-adapter.ts).
 */
export function defineRoute<
  P extends z.ZodObject = z.ZodObject<{}>,
  Q extends z.ZodObject = z.ZodObject<{}>,
  B extends z.ZodType = z.ZodUndefined,
  R extends z.ZodType = z.ZodType,
  A extends Scope | null = Scope,
>(spec: RouteSpec<P, Q, B, R, A>): Route {
  const anySpec = spec as unknown as AnyRouteSpec;
  const handler: Route['handler'] = async (request, context) => {
    const answer = await answerRoute(anySpec, {
      header: (name) => request.headers.get(name) ?? undefined,
      query: new URL(request.url).searchParams,
      params: await context.params,
      text: (maxBytes) => readText(request.body, maxBytes),
    });
    // A 304 carries no body; Response refuses one.
    return new Response(answer.status === 304 ? null : answer.body, { status: answer.status, headers: answer.headers });
  };
  return { spec: anySpec, handler };
}

const decoder = new TextDecoder(); // UTF-8, drops a leading BOM, replaces bad sequences: as Request.text()

/**
 * Reads the body with a running count and cancels it once it is surely longer than `maxBytes`
 * (the pipeline then answers 413), where `request.text()` would hold all of it first.
 */
async function readText(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
    length += read.value.length;
    if (length > maxBytes + BOM_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return decoder.decode(Buffer.concat(chunks, length));
}

/** How many bytes decoding may drop: a leading UTF-8 byte order mark. */
const BOM_BYTES = 3;
