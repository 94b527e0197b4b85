import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { webEnv } from '../../env.server';
import { routes } from '../routes';
import { logger } from '../services';
import { CLIENT_ADDRESS_HEADER, clientAddress } from './client-address';
import { answerNodeRequest, writeAnswer } from './node-adapter';
import { HttpError, notFound, problemDocument } from './problem';
import { createRouteTable } from './route-table';
import { SECURITY_HEADERS } from './security-headers';

/**
 * Every API route is answered here over node:http, before Next sees the request. Next's
 * per-request work (routing, web Request and Response, streams) costs about 1 ms of CPU, which
 * alone capped single-event ingestion near 1,000 requests/s on 2 cores (issue 5); and Next reads a
 * request body into memory whole before a route handler can refuse it, whereas the node adapter
 * stops reading at the route's limit. The same routes stay mounted in app/ for `next dev`.
 */
const routeFor = createRouteTable(routes, { '/api/v1/openapi.json': ['GET'] });

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * The web server's request listener: the API routes, and Next for pages and its own route files.
 * Every answer carries the security headers, and Next is told the client's address.
 */
export function createRequestListener(handleByNext: Handler) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(request, webEnv().TRUST_PROXY);
    const answered = answer(request, response, handleByNext);
    answered.catch((error: unknown) => {
      // What `next start` does when its handler throws; the pipeline itself answers its own errors.
      logger().error({ err: error, url: request.url }, 'request failed');
      if (response.headersSent) response.destroy();
      else response.writeHead(500).end('Internal Server Error');
    });
  };
}

async function answer(request: IncomingMessage, response: ServerResponse, handleByNext: Handler): Promise<void> {
  const method = request.method ?? 'GET';
  const match = routeFor(method, request.url ?? '/');
  switch (match.kind) {
    case 'route':
      return answerNodeRequest(match.route.spec, request, response, match.params);
    case 'next':
      return handleByNext(request, response);
    case 'unknown-api-path':
      return writeProblem(request, response, notFound(`No API route at ${request.url?.split('?')[0]}`));
    case 'methods':
      if (method === 'OPTIONS') return writeAnswer(request, response, { status: 204, headers: { allow: match.allow }, body: '' });
      return writeProblem(request, response, methodNotAllowed(method), { allow: match.allow });
    case 'page-method-not-allowed':
      return writeProblem(request, response, methodNotAllowed(method), { allow: match.allow });
  }
}

const methodNotAllowed = (method: string) =>
  new HttpError(405, 'Method Not Allowed', `${method} is not supported here; the Allow header lists what is`);

function writeProblem(request: IncomingMessage, response: ServerResponse, problem: HttpError, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(problemDocument(problem));
  writeAnswer(request, response, { status: problem.status, headers: { ...headers, 'content-type': 'application/problem+json' }, body });
}
