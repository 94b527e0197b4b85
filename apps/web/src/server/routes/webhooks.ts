import 'server-only';
import { randomUUID } from 'node:crypto';
import { WEBHOOK_EVENT_TYPES, type Prisma } from '@cascade/db';
import { createWebhookSigningSecret } from '@cascade/secrets';
import { z } from 'zod';
import { webEnv } from '../../env.server';
import { defineRoute } from '../http/define-route';
import { afterKey, pageOf, pageQuery, toPage } from '../http/pagination';
import { notFound } from '../http/problem';
import { db } from '../services';
import { auditWebhookInput, webhookSubscriptionInput, webhookSubscriptionUpdate } from './webhook-input';

const WebhookSubscription = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    description: z.string(),
    enabled: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'WebhookSubscription', description: 'Where Cascade POSTs its own events, signed with the subscription’s secret (never returned after creation)' });

type SubscriptionRow = Prisma.WebhookSubscriptionGetPayload<object>;

const toSubscription = (row: SubscriptionRow) => ({
  id: row.id,
  url: row.url,
  events: row.events as (typeof WEBHOOK_EVENT_TYPES)[number][],
  description: row.description,
  enabled: row.enabled,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const idParam = z.object({ id: z.uuid() });

async function findSubscription(tenantId: string, id: string): Promise<SubscriptionRow> {
  const row = await db().webhookSubscription.findFirst({ where: { id, tenantId } });
  if (!row) throw notFound(`No webhook subscription ${id} in this tenant`);
  return row;
}

export const listWebhookSubscriptions = defineRoute({
  method: 'GET',
  path: '/api/v1/webhooks',
  operationId: 'listWebhookSubscriptions',
  summary: 'The webhook subscriptions of the caller’s tenant, newest first',
  tags: ['Webhooks'],
  scope: 'admin',
  query: z.object(pageQuery({ max: 200, default: 50 })),
  response: { status: 200, description: 'Newest first', schema: pageOf(WebhookSubscription) },
  async handle({ query, principal }) {
    const rows = await db().webhookSubscription.findMany({
      where: { ...afterKey<Prisma.WebhookSubscriptionWhereInput>(query.cursor, [['createdAt', 'date'], ['id', 'string']], 'desc'), tenantId: principal.tenantId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (row) => [row.createdAt, row.id]);
    return { items: page.rows.map(toSubscription), nextCursor: page.nextCursor };
  },
});

export const createWebhookSubscription = defineRoute({
  method: 'POST',
  path: '/api/v1/webhooks',
  operationId: 'createWebhookSubscription',
  summary: 'Subscribe a URL to Cascade’s events; the signing secret is in this response only',
  tags: ['Webhooks'],
  scope: 'admin',
  body: webhookSubscriptionInput,
  audit: { summary: auditWebhookInput },
  response: {
    status: 201,
    description: 'The subscription and its signing secret, shown once; deliveries carry Cascade-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">',
    schema: WebhookSubscription.extend({ signingSecret: z.string() }).meta({ id: 'CreatedWebhookSubscription' }),
  },
  async handle({ body, principal, audit }) {
    const id = randomUUID();
    const { secret, sealed } = createWebhookSigningSecret(webEnv().CASCADE_SECRET_KEY, principal.tenantId, id);
    const row = await db().$transaction(async (tx) => {
      await audit(tx, id);
      return tx.webhookSubscription.create({ data: { id, tenantId: principal.tenantId, secretCiphertext: sealed, ...body } });
    });
    return { ...toSubscription(row), signingSecret: secret };
  },
});

export const getWebhookSubscription = defineRoute({
  method: 'GET',
  path: '/api/v1/webhooks/{id}',
  operationId: 'getWebhookSubscription',
  summary: 'One webhook subscription',
  tags: ['Webhooks'],
  scope: 'admin',
  params: idParam,
  response: { status: 200, description: 'The subscription', schema: WebhookSubscription },
  errors: { 404: 'No such subscription in the caller’s tenant' },
  handle: async ({ params, principal }) => toSubscription(await findSubscription(principal.tenantId, params.id)),
});

export const updateWebhookSubscription = defineRoute({
  method: 'PATCH',
  path: '/api/v1/webhooks/{id}',
  operationId: 'updateWebhookSubscription',
  summary: 'Change a subscription’s URL, events or description, or disable it: it receives nothing while disabled, and deliveries queued before wait until it is enabled again',
  tags: ['Webhooks'],
  scope: 'admin',
  params: idParam,
  body: webhookSubscriptionUpdate,
  audit: { summary: auditWebhookInput },
  response: { status: 200, description: 'The subscription as changed', schema: WebhookSubscription },
  errors: { 404: 'No such subscription in the caller’s tenant' },
  async handle({ params, body, principal, audit }) {
    await findSubscription(principal.tenantId, params.id);
    return toSubscription(
      await db().$transaction(async (tx) => {
        await audit(tx);
        return tx.webhookSubscription.update({ where: { id: params.id }, data: body });
      }),
    );
  },
});

export const deleteWebhookSubscription = defineRoute({
  method: 'DELETE',
  path: '/api/v1/webhooks/{id}',
  operationId: 'deleteWebhookSubscription',
  summary: 'Delete a subscription and its deliveries, sent or not',
  tags: ['Webhooks'],
  scope: 'admin',
  params: idParam,
  response: { status: 200, description: 'The deleted subscription', schema: WebhookSubscription },
  errors: { 404: 'No such subscription in the caller’s tenant' },
  async handle({ params, principal, audit }) {
    const row = await findSubscription(principal.tenantId, params.id);
    await db().$transaction(async (tx) => {
      await audit(tx);
      await tx.webhookSubscription.delete({ where: { id: row.id } });
    });
    return toSubscription(row);
  },
});
