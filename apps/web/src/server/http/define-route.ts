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
      text: () => request.text(),
    });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  };
  return { spec: anySpec, handler };
}
