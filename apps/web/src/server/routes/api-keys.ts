import 'server-only';
import { randomUUID } from 'node:crypto';
import { API_KEY_SCOPES, generateApiKey, type Prisma } from '@cascade/db';
import { z } from 'zod';
import { webEnv } from '../../env.server';
import { forgetApiKey } from '../http/authenticate';
import { defineRoute } from '../http/define-route';
import { afterKey, pageOf, pageQuery, toPage } from '../http/pagination';
import { forbidden, notFound } from '../http/problem';
import { db } from '../services';

const ApiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe('First characters of the key, to recognise it'),
    scopes: z.array(z.enum(API_KEY_SCOPES)),
    publishNamespaces: z.array(z.string()).describe('Event type prefixes the key may publish; empty means any'),
    service: z.string().nullable().describe('Owning service, for restricted namespaces such as money.*'),
    platformOperator: z.boolean().describe('Minted by the platform operator for itself (npm run api-key:create -- --operator): may register global templates'),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' });

type ApiKeyRow = {
  id: string; name: string; prefix: string; scopes: string[]; publishNamespaces: string[]; service: string | null; platformOperator: boolean;
  createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null;
};

const toApiKey = (row: ApiKeyRow) => ({
  ...row,
  scopes: row.scopes as (typeof API_KEY_SCOPES)[number][],
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

const apiKeyColumns = {
  id: true, name: true, prefix: true, scopes: true, publishNamespaces: true, service: true, platformOperator: true,
  createdAt: true, lastUsedAt: true, revokedAt: true,
} as const;

export const listApiKeys = defineRoute({
  method: 'GET',
  path: '/api/v1/api-keys',
  operationId: 'listApiKeys',
  summary: 'The API keys of the caller’s tenant (never the keys themselves)',
  tags: ['API keys'],
  scope: 'admin',
  query: z.object(pageQuery({ max: 500, default: 100 })),
  response: { status: 200, description: 'Newest first', schema: pageOf(ApiKey) },
  async handle({ query, principal }) {
    const rows = await db().apiKey.findMany({
      where: { ...afterKey<Prisma.ApiKeyWhereInput>(query.cursor, [['createdAt', 'date'], ['id', 'string']], 'desc'), tenantId: principal.tenantId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: apiKeyColumns,
      take: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (row) => [row.createdAt, row.id]);
    return { items: page.rows.map(toApiKey), nextCursor: page.nextCursor };
  },
});

export const createApiKey = defineRoute({
  method: 'POST',
  path: '/api/v1/api-keys',
  operationId: 'createApiKey',
  summary: 'Create an API key; the key is in this response only',
  tags: ['API keys'],
  scope: 'admin',
  body: z
    .object({
      name: z.string().trim().min(1).max(100),
      // A set: a scope named twice is a mistake worth saying, not a list to store as written.
      scopes: z.array(z.enum(API_KEY_SCOPES)).min(1).refine((scopes) => new Set(scopes).size === scopes.length, 'List each scope once'),
      publishNamespaces: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
      service: z.string().trim().min(1).max(100).optional(),
    })
    .meta({ id: 'CreateApiKey' }),
  response: {
    status: 201,
    description: 'The key, shown once; only its hash is stored',
    schema: ApiKey.extend({ key: z.string() }).meta({ id: 'CreatedApiKey' }),
  },
  errors: { 403: 'The service owns a restricted namespace; only the platform operator mints its keys' },
  async handle({ body, principal, audit }) {
    refuseRestrictedOwner(body.service);
    const key = generateApiKey();
    const id = randomUUID();
    // The audit entry first, as every audited transaction does: the chain head is always locked before the rows.
    const row = await db().$transaction(async (tx) => {
      await audit(tx, id);
      return tx.apiKey.create({ data: { id, tenantId: principal.tenantId, prefix: key.prefix, hash: key.hash, ...body }, select: apiKeyColumns });
    });
    return { ...toApiKey(row), key: key.key };
  },
});

/**
 * A key of a service that owns a restricted namespace (CASCADE_RESTRICTED_NAMESPACES, e.g. money.*)
 * could publish what that namespace exists to keep tenants from publishing, so a tenant's admin may
 * not mint one; the platform operator does, with `npm run api-key:create`.
 */
function refuseRestrictedOwner(service: string | undefined): void {
  const owned = webEnv().CASCADE_RESTRICTED_NAMESPACES.filter((rule) => rule.owner === service);
  if (!owned.length) return;
  throw forbidden(
    `Keys of the ${service} service, which alone may publish ${owned.map((rule) => `${rule.prefix}*`).join(', ')}, ` +
      'are minted by the platform operator (npm run api-key:create), not over the API',
  );
}

export const revokeApiKey = defineRoute({
  method: 'DELETE',
  path: '/api/v1/api-keys/{id}',
  operationId: 'revokeApiKey',
  summary: 'Revoke an API key; requests with it are refused from now on',
  tags: ['API keys'],
  scope: 'admin',
  params: z.object({ id: z.uuid() }),
  response: { status: 200, description: 'The revoked key', schema: ApiKey },
  errors: { 404: 'No such key in the caller’s tenant' },
  async handle({ params, principal, audit }) {
    const existing = await db().apiKey.findFirst({ where: { id: params.id, tenantId: principal.tenantId } });
    if (!existing) throw notFound(`No API key ${params.id} in this tenant`);
    const row = await db().$transaction(async (tx) => {
      await audit(tx);
      return tx.apiKey.update({ where: { id: existing.id }, data: { revokedAt: existing.revokedAt ?? new Date() }, select: apiKeyColumns });
    });
    forgetApiKey(existing.id);
    return toApiKey(row);
  },
});
