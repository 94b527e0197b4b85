import { randomUUID } from 'node:crypto';
import { generateApiKey, type ApiKeyScope } from '@cascade/db';
import type { Route } from '@/server/http/define-route';
import { db } from '@/server/services';

/** A fresh tenant with an API key holding `scopes`, for tests that call routes as a client would. */
export async function createTenantWithKey(scopes: ApiKeyScope[]) {
  const tenant = await db().tenant.create({ data: { slug: `t-${randomUUID()}`, name: 'Test tenant' } });
  const key = generateApiKey();
  await db().apiKey.create({ data: { tenantId: tenant.id, name: 'test', prefix: key.prefix, hash: key.hash, scopes } });
  return { tenantId: tenant.id, apiKey: key.key };
}

/** Calls a route's handler with a real Request, the way Next would. */
export function callRoute(
  route: Route,
  init: { apiKey?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; query?: string; params?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.apiKey) headers.authorization = `Bearer ${init.apiKey}`;
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const url = `http://test${route.spec.path}${init.query ? `?${init.query}` : ''}`;
  const request = new Request(url, { method: route.spec.method, headers, body });
  return route.handler(request, { params: Promise.resolve(init.params ?? {}) });
}
