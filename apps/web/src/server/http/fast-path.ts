import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { publishEvents } from '../routes/events';
import { logger } from '../services';
import { answerNodeRequest } from './node-adapter';
import type { Route } from './route-spec';

/**
 * Routes the web server (server.ts) answers itself over node:http, before Next sees the request.
 * Next's per-request work (routing, web Request and Response, streams) costs about 1 ms of CPU,
 * which alone capped single-event ingestion near 1,000 requests/s on 2 cores (issue 5). Only
 * routes without path parameters are listed; the same route stays mounted in app/ for Next.
 */
const FAST_ROUTES: Route[] = [publishEvents];

const fastRoutes = new Map(FAST_ROUTES.map((route) => [`${route.spec.method} ${route.spec.path}`, route]));

/** The route answering this request on the fast path, or undefined when it is Next's. */
export function fastRouteFor(method: string | undefined, url: string | undefined): Route | undefined {
  if (!method || !url) return undefined;
  const queryAt = url.indexOf('?');
  return fastRoutes.get(`${method} ${queryAt === -1 ? url : url.slice(0, queryAt)}`);
}

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** The web server's request listener: the fast routes, and Next for every other request, unchanged. */
export function createRequestListener(handleByNext: Handler) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const route = fastRouteFor(request.method, request.url);
    const answered = route ? answerNodeRequest(route.spec, request, response) : handleByNext(request, response);
    answered.catch((error: unknown) => {
      // What `next start` does when its handler throws; the pipeline itself answers its own errors.
      logger().error({ err: error, url: request.url }, 'request failed');
      if (response.headersSent) response.destroy();
      else response.writeHead(500).end('Internal Server Error');
    });
  };
}
