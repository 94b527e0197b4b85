import type { Route } from './route-spec';

/** What the web server does with a request's method and path. */
export type RouteMatch =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  /** The path is an API route's, the method is not: 405, or 204 for OPTIONS, naming the methods. */
  | { kind: 'methods'; allow: string }
  /** An API path no route has. */
  | { kind: 'unknown-api-path' }
  /** Pages, server actions and Next's own route files. */
  | { kind: 'next' }
  | { kind: 'page-method-not-allowed'; allow: string };

/** Pages answer GET and HEAD, and POST for their server actions; Next fails on the rest (TRACE: 500). */
const PAGE_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'];
const PAGE_ALLOW = 'GET, HEAD, POST';

interface Template {
  segments: string[];
  /** By method; `undefined` for a path Next answers itself (a route file that is not a defineRoute). */
  byMethod: Map<string, Route | undefined>;
}

/**
 * Matches requests against every route's OpenAPI-style path (`/api/v1/workflows/{id}`), literal
 * segments before parameters. `nextApiPaths` are API paths that Next's own route files answer.
 */
export function createRouteTable(routes: Route[], nextApiPaths: Record<string, string[]> = {}) {
  const templates = new Map<string, Template>();
  const templateOf = (path: string) => {
    let template = templates.get(path);
    if (!template) templates.set(path, (template = { segments: path.split('/'), byMethod: new Map() }));
    return template;
  };
  for (const route of routes) templateOf(route.spec.path).byMethod.set(route.spec.method, route);
  for (const [path, methods] of Object.entries(nextApiPaths)) for (const method of methods) templateOf(path).byMethod.set(method, undefined);
  // Fewer parameters first: /api/v1/events/{id} never shadows a literal path of the same length.
  const ordered = [...templates.values()].sort((a, b) => parameterCount(a) - parameterCount(b));

  return (method: string, url: string): RouteMatch => {
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    const segments = path.split('/');
    for (const template of ordered) {
      const params = matchSegments(template.segments, segments);
      if (!params) continue;
      const routeMethod = method === 'HEAD' ? 'GET' : method;
      if (template.byMethod.has(routeMethod)) {
        const route = template.byMethod.get(routeMethod);
        return route ? { kind: 'route', route, params } : { kind: 'next' };
      }
      return { kind: 'methods', allow: allowHeader([...template.byMethod.keys()]) };
    }
    if (path === '/api' || path.startsWith('/api/')) return { kind: 'unknown-api-path' };
    return PAGE_METHODS.includes(method) ? { kind: 'next' } : { kind: 'page-method-not-allowed', allow: PAGE_ALLOW };
  };
}

const parameterCount = (template: Template) => template.segments.filter(isParameter).length;
const isParameter = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

/** Parameters are passed as sent, percent-encoded: a route decodes what it needs to (the catalog its type). */
function matchSegments(template: string[], segments: string[]): Record<string, string> | undefined {
  if (template.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of template.entries()) {
    const segment = segments[index]!;
    if (isParameter(part)) {
      if (!segment) return undefined;
      params[part.slice(1, -1)] = segment;
    } else if (part !== segment) return undefined;
  }
  return params;
}

/** GET brings HEAD, and every path answers OPTIONS. */
function allowHeader(methods: string[]): string {
  const allowed = new Set([...methods, 'OPTIONS']);
  if (allowed.has('GET')) allowed.add('HEAD');
  return [...allowed].sort().join(', ');
}
