import 'server-only';
import { createSecretStore, secretNameSchema, secretValueSchema, type SecretStore, type SecretSummary } from '@cascade/secrets';
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
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime().describe('When the value was last replaced'),
  })
  .meta({ id: 'Secret', description: 'A tenant secret by name; its value is never returned' });

const toSecret = ({ name, createdAt, updatedAt }: SecretSummary) => ({
  name,
  createdAt: createdAt.toISOString(),
  updatedAt: updatedAt.toISOString(),
});

const nameParam = z.object({ name: secretNameSchema.describe('The secret’s name, e.g. crm_token') });

function findSecret(tenantId: string, name: string) {
  return db().secret.findUnique({
    where: { tenantId_name: { tenantId, name } },
    select: { name: true, createdAt: true, updatedAt: true },
  });
}

export const listSecrets = defineRoute({
  method: 'GET',
  path: '/api/v1/secrets',
  operationId: 'listSecrets',
  summary: 'The secrets of the caller’s tenant: names and timestamps, never values',
  tags: ['Secrets'],
  scope: 'admin',
  query: z.object(pageQuery({ max: 500, default: 100 })),
  response: { status: 200, description: 'By name', schema: pageOf(Secret) },
  async handle({ query, principal }) {
    // Names and timestamps only, as the store lists them; paged here by name.
    const rows = await db().secret.findMany({
      where: { ...afterKey<Prisma.SecretWhereInput>(query.cursor, [['name', 'string']], 'asc'), tenantId: principal.tenantId },
      orderBy: { name: 'asc' },
      select: { name: true, createdAt: true, updatedAt: true },
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
  body: z.object({ value: secretValueSchema.describe('The secret value; stored encrypted, never returned or logged') }).meta({ id: 'PutSecret' }),
  response: { status: 201, description: 'Created; 200 when an existing value was replaced', schema: Secret },
  async handle({ params, body, principal }) {
    const { created } = await secretStore().put(principal.tenantId, params.name, body.value);
    const secret = toSecret((await findSecret(principal.tenantId, params.name))!);
    return created ? secret : withStatus(200, secret);
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
  async handle({ params, principal }) {
    const existing = await findSecret(principal.tenantId, params.name);
    if (!existing || !(await secretStore().remove(principal.tenantId, params.name))) {
      throw notFound(`No secret named "${params.name}" in this tenant`);
    }
    return toSecret(existing);
  },
});
