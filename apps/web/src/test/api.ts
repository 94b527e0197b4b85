import { randomUUID } from 'node:crypto';
import { generateApiKey, type ApiKeyScope } from '@cascade/db';
import { sealData } from 'iron-session';
import { expect } from 'vitest';
import { webEnv } from '@/env.server';
import type { Route } from '@/server/http/define-route';
import { db } from '@/server/services';
import type { SessionData } from '@/server/session-cookie';
import { SESSION_TTL_SECONDS, startSession } from '@/server/session-store';

/** A fresh tenant with an API key holding `scopes`, for tests that call routes as a client would. */
export async function createTenantWithKey(scopes: ApiKeyScope[]) {
  const tenant = await db().tenant.create({ data: { slug: `t-${randomUUID()}`, name: 'Test tenant' } });
  return { tenantId: tenant.id, apiKey: await createApiKey(tenant.id, scopes) };
}

/** Another API key of an existing tenant, holding `scopes`. */
export async function createApiKey(tenantId: string, scopes: ApiKeyScope[]): Promise<string> {
  const key = generateApiKey();
  await db().apiKey.create({ data: { tenantId, name: 'test', prefix: key.prefix, hash: key.hash, scopes } });
  return key.key;
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

/** The JSON body of a route's answer, once its status is `status`; the failure message holds the body otherwise. */
export async function expectJson<Body>(response: Promise<Response>, status: number): Promise<Body> {
  const answer = await response;
  const text = await answer.text();
  expect(answer.status, text).toBe(status);
  return JSON.parse(text) as Body;
}

/**
 * A user of `tenantId` with `role` and a live session, and the `Cookie` header a signed-in browser
 * would send. The password hash is a placeholder: these users never sign in through the form.
 */
export async function createSignedInUser(tenantId: string, role: 'ADMIN' | 'EDITOR' | 'VIEWER') {
  const user = await db().user.create({
    data: { tenantId, email: `${role.toLowerCase()}-${randomUUID()}@example.com`, name: role, role, passwordHash: 'none' },
  });
  const sessionId = await startSession(user);
  const seal = await sealData({ sessionId } satisfies SessionData, { password: webEnv().SESSION_SECRET, ttl: SESSION_TTL_SECONDS });
  return { user, sessionId, cookie: `cascade_session=${seal}` };
}
