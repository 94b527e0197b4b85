import 'server-only';
import { API_KEY_SCOPES, type ApiKeyScope, hashApiKey, type UserRole } from '@cascade/db';
import { db } from '../services';
import { readSessionCookie } from '../session-cookie';
import { findSignedInUser } from '../session-store';
import { forbidden, unauthorized } from './problem';

export type Scope = ApiKeyScope;

/** Who is calling: an API key of one tenant, or a signed-in user of the UI. */
export interface Principal {
  tenantId: string;
  scopes: ReadonlySet<string>;
  kind: 'apiKey' | 'user';
  id: string;
  /** A user's role and email, for rules about people (who may decide an approval); null for an API key. */
  user: { role: UserRole; email: string | null } | null;
  /** Event type prefixes the caller may publish; empty means any. */
  publishNamespaces: readonly string[];
  /** The service an API key belongs to, for restricted namespaces. */
  service: string | null;
  /** An API key the platform operator minted for itself: it may register global templates. */
  platformOperator: boolean;
}

// Every user may try to decide an approval; the route then admits only the task's assignees and admins.
const ROLE_SCOPES: Record<UserRole, Scope[]> = {
  ADMIN: [...API_KEY_SCOPES],
  EDITOR: ['events:publish', 'workflows:read', 'workflows:write', 'templates:write', 'approvals:decide'],
  VIEWER: ['workflows:read', 'approvals:decide'],
};

/** What a request presents to prove who it is: its `Authorization` and `Cookie` headers. */
export interface Credentials {
  authorization: string | undefined;
  cookie: string | undefined;
}

/**
 * Resolves the caller from `Authorization: Bearer <api key>`, or else from the session cookie,
 * and checks it holds `scope`. Answers 401 for no or a bad credential, 403 for a missing scope.
 */
export async function authenticate(credentials: Credentials, scope: Scope): Promise<Principal> {
  const principal = (await principalFromApiKey(credentials.authorization)) ?? (await principalFromSession(credentials.cookie));
  if (!principal) throw unauthorized('Send an API key as "Authorization: Bearer <key>" or sign in');
  if (!principal.scopes.has(scope) && !principal.scopes.has('admin')) {
    throw forbidden(`This ${principal.kind === 'apiKey' ? 'API key' : 'user'} lacks the scope "${scope}"`);
  }
  return principal;
}

/**
 * Keys looked up in the last few seconds, by hash: ingestion answers thousands of requests a
 * second and must not read the key table for each. A revocation made on this replica applies at
 * once (`forgetApiKey`); on other replicas within API_KEY_CACHE_MS. The cache is kept on
 * globalThis because this module is loaded twice in one process, by Next's bundle and by the
 * custom server's fast path (server.ts), and a key revoked through one must be forgotten by both.
 */
const API_KEY_CACHE_MS = 5_000;
const cacheHolder = globalThis as typeof globalThis & { cascadeApiKeyCache?: Map<string, { principal: Principal; expiresAt: number }> };
const apiKeyCache = (cacheHolder.cascadeApiKeyCache ??= new Map());

export function forgetApiKey(keyId: string): void {
  for (const [hash, entry] of apiKeyCache) if (entry.principal.id === keyId) apiKeyCache.delete(hash);
}

async function principalFromApiKey(header: string | undefined): Promise<Principal | undefined> {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized('The Authorization header must read "Bearer <api key>"');
  const hash = hashApiKey(match[1]!);
  const cached = apiKeyCache.get(hash);
  if (cached && cached.expiresAt > Date.now()) return cached.principal;
  const principal = await loadApiKey(hash);
  apiKeyCache.set(hash, { principal, expiresAt: Date.now() + API_KEY_CACHE_MS });
  return principal;
}

async function loadApiKey(hash: string): Promise<Principal> {
  const key = await db().apiKey.findUnique({ where: { hash } });
  if (!key || key.revokedAt) throw unauthorized('The API key is unknown or revoked');
  void recordUse(key.id);
  return {
    tenantId: key.tenantId,
    scopes: new Set(key.scopes),
    kind: 'apiKey',
    id: key.id,
    user: null,
    publishNamespaces: key.publishNamespaces,
    service: key.service,
    platformOperator: key.platformOperator,
  };
}

async function principalFromSession(cookie: string | undefined): Promise<Principal | undefined> {
  const user = await findSignedInUser((await readSessionCookie(cookie)).sessionId);
  if (!user) return undefined;
  return {
    tenantId: user.tenantId,
    scopes: new Set(ROLE_SCOPES[user.role]),
    kind: 'user',
    id: user.userId,
    user: { role: user.role, email: user.email },
    publishNamespaces: [],
    service: null,
    platformOperator: false,
  };
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** Keeps `lastUsedAt` to the minute without a write per request. */
async function recordUse(keyId: string): Promise<void> {
  const now = new Date();
  await db()
    .apiKey.updateMany({
      where: { id: keyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    })
    .catch(() => undefined);
}
