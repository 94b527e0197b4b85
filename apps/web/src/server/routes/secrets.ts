import 'server-only';
import { allowedHostsSchema, createSecretStore, secretNameSchema, secretValueSchema, type SecretStore, type SecretSummary } from '@cascade/secrets';
import { z } from 'zod';
import { webEnv } from '../../env.server';
import type { Prisma } from '@cascade/db';
import { defineRoute, withStatus } from '../http/define-route';
import { afterKey, pageOf, pageQuery, toPage } from '../http/pagination';
import { notFound } from '../http/problem';
import { db } from '../services';

let store: SecretStore | undefined;
const secretStore = (): SecretStore => (store ??= createSecretStore(db(), webEnv().CASCADE_SECRET_KEY));

const Secret = z
  .object({
    name: z.string(),
    allowedHosts: z.array(z.string()).describe('Hosts actions may send the value to; empty: none (every outbound use is refused)'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime().describe('When the value was last replaced'),
  })
  .meta({ id: 'Secret', description: 'A tenant secret by name; its value is never returned' });

const allowedHosts = allowedHostsSchema.describe(
  'Hosts an action may send the value to, checked against the host of the request’s URL: `api.example.com`, `10.0.0.7`, or `*.example.com` for the hosts below example.com. Empty: none',
);

const toSecret = ({ name, allowedHosts, createdAt, updatedAt }: SecretSummary) => ({
  name,
  allowedHosts,
  createdAt: createdAt.toISOString(),
  updatedAt: updatedAt.toISOString(),
});

const nameParam = z.object({ name: secretNameSchema.describe('The secret’s name, e.g. crm_token') });

/** What a response shows of a secret: everything but its ciphertext. */
const SECRET_FIELDS = { name: true, allowedHosts: true, createdAt: true, updatedAt: true } as const;

function findSecret(tenantId: string, name: string) {
  return db().secret.findUnique({
    where: { tenantId_name: { tenantId, name } },
    select: SECRET_FIELDS,
  });
}

export const listSecrets = defineRoute({
  method: 'GET',
  path: '/api/v1/secrets',
  operationId: 'listSecrets',
  summary: 'The secrets of the caller’s tenant: names, allowed hosts and timestamps, never values',
  tags: ['Secrets'],
  scope: 'admin',
  query: z.object(pageQuery({ max: 500, default: 100 })),
  response: { status: 200, description: 'By name', schema: pageOf(Secret) },
  async handle({ query, principal }) {
    // Never the ciphertext, as the store lists them; paged here by name.
    const rows = await db().secret.findMany({
      where: { ...afterKey<Prisma.SecretWhereInput>(query.cursor, [['name', 'string']], 'asc'), tenantId: principal.tenantId },
      orderBy: { name: 'asc' },
      select: SECRET_FIELDS,
      take: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (row) => [row.name]);
    return { items: page.rows.map(toSecret), nextCursor: page.nextCursor };
  },
});

export const putSecret = defineRoute({
  method: 'PUT',
  path: '/api/v1/secrets/{name}',
  operationId: 'putSecret',
  summary: 'Store a secret, or replace its value; actions read it by name at run time',
  tags: ['Secrets'],
  scope: 'admin',
  params: nameParam,
  body: z
    .object({
      value: secretValueSchema.describe('The secret value; stored encrypted, never returned or logged'),
      allowedHosts: allowedHosts.optional().describe('Replaces the allow-list; when omitted a new secret has none and a replaced one keeps its list'),
    })
    .meta({ id: 'PutSecret' }),
  // The trail records that the value changed, never the value.
  audit: { summary: (body) => ({ value: '[redacted]', allowedHosts: body.allowedHosts ?? null }) },
  response: { status: 201, description: 'Created', schema: Secret, otherStatuses: { 200: 'An existing value was replaced' } },
  async handle({ params, body, principal, audit }) {
    const { created } = await db().$transaction(async (within) => {
      const stored = await secretStore().put(principal.tenantId, params.name, body.value, { ...(body.allowedHosts ? { allowedHosts: body.allowedHosts } : {}), within });
      await audit(within);
      return stored;
    });
    const secret = toSecret((await findSecret(principal.tenantId, params.name))!);
    return created ? secret : withStatus(200, secret);
  },
});

export const updateSecret = defineRoute({
  method: 'PATCH',
  path: '/api/v1/secrets/{name}',
  operationId: 'updateSecret',
  summary: 'Set the hosts a secret may be sent to, keeping its value',
  tags: ['Secrets'],
  // Only admins decide where a secret may go: editors build the workflows that send it.
  scope: 'admin',
  params: nameParam,
  body: z.object({ allowedHosts }).meta({ id: 'UpdateSecret' }),
  response: { status: 200, description: 'The secret with its new allow-list', schema: Secret },
  errors: { 404: 'No secret by that name in the caller’s tenant' },
  async handle({ params, body, principal, audit }) {
    await db().$transaction(async (within) => {
      if (!(await secretStore().setAllowedHosts(principal.tenantId, params.name, body.allowedHosts, { within }))) {
        throw notFound(`No secret named "${params.name}" in this tenant`);
      }
      await audit(within);
    });
    return toSecret((await findSecret(principal.tenantId, params.name))!);
  },
});

export const deleteSecret = defineRoute({
  method: 'DELETE',
  path: '/api/v1/secrets/{name}',
  operationId: 'deleteSecret',
  summary: 'Delete a secret; actions that read it fail from now on',
  tags: ['Secrets'],
  scope: 'admin',
  params: nameParam,
  response: { status: 200, description: 'The deleted secret', schema: Secret },
  errors: { 404: 'No secret by that name in the caller’s tenant' },
  async handle({ params, principal, audit }) {
    const existing = await findSecret(principal.tenantId, params.name);
    await db().$transaction(async (within) => {
      if (!existing || !(await secretStore().remove(principal.tenantId, params.name, { within }))) {
        throw notFound(`No secret named "${params.name}" in this tenant`);
      }
      await audit(within);
    });
    return toSecret(existing!);
  },
});
