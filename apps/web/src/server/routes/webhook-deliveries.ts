import 'server-only';
import type { Prisma } from '@cascade/db';
import { z } from 'zod';
import { defineRoute } from '../http/define-route';
import { afterKey, pageOf, pageQuery, toPage } from '../http/pagination';
import { HttpError, notFound } from '../http/problem';
import { db } from '../services';

const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'DEAD'] as const;

const WebhookDelivery = z
  .object({
    id: z.uuid().describe('Also the Cascade-Delivery and Idempotency-Key headers, the same on every attempt'),
    subscriptionId: z.uuid(),
    eventType: z.string(),
    data: z.unknown().describe('The `data` of the delivered body'),
    status: z.enum(DELIVERY_STATUSES).describe('DEAD after 5 failed attempts, or at once when the address is refused'),
    attempts: z.number().int(),
    nextAttemptAt: z.iso.datetime().nullable().describe('When a pending delivery is tried next'),
    lastStatus: z.number().int().nullable().describe('The HTTP status of the last attempt'),
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime(),
    deliveredAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });

type DeliveryRow = Prisma.WebhookDeliveryGetPayload<object>;

const toDelivery = (row: DeliveryRow) => ({
  id: row.id,
  subscriptionId: row.subscriptionId,
  eventType: row.eventType,
  data: row.payload,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.status === 'PENDING' ? row.nextAttemptAt.toISOString() : null,
  lastStatus: row.lastStatus,
  lastError: row.lastError,
  createdAt: row.createdAt.toISOString(),
  deliveredAt: row.deliveredAt?.toISOString() ?? null,
});

export const deliveriesQuery = z.object({
  subscriptionId: z.uuid().optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  ...pageQuery({ max: 200, default: 50 }),
});

/** A page of the tenant's webhook deliveries, newest first; the settings page reads them through here too. */
export async function findWebhookDeliveries(tenantId: string, query: z.infer<typeof deliveriesQuery>) {
  const rows = await db().webhookDelivery.findMany({
    where: {
      ...afterKey<Prisma.WebhookDeliveryWhereInput>(query.cursor, [['createdAt', 'date'], ['id', 'string']], 'desc'),
      tenantId,
      ...(query.subscriptionId ? { subscriptionId: query.subscriptionId } : {}),
      ...(query.status ? { status: query.status } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = toPage(rows, query.limit, (row) => [row.createdAt, row.id]);
  return { items: page.rows.map(toDelivery), nextCursor: page.nextCursor };
}

export const listWebhookDeliveries = defineRoute({
  method: 'GET',
  path: '/api/v1/webhook-deliveries',
  operationId: 'listWebhookDeliveries',
  summary: 'Webhook deliveries of the caller’s tenant, newest first, by subscription and status (DEAD: the dead letters)',
  tags: ['Webhooks'],
  scope: 'admin',
  query: deliveriesQuery,
  response: { status: 200, description: 'Newest first', schema: pageOf(WebhookDelivery) },
  handle: ({ query, principal }) => findWebhookDeliveries(principal.tenantId, query),
});

/** Sends a dead (or delivered) delivery again: attempts start over, under the same delivery id. */
export async function replayWebhookDelivery(tenantId: string, id: string) {
  const existing = await db().webhookDelivery.findFirst({ where: { id, tenantId } });
  if (!existing) throw notFound(`No webhook delivery ${id} in this tenant`);
  const replayed = await db().webhookDelivery.updateMany({
    where: { id, status: { not: 'PENDING' } },
    data: { status: 'PENDING', attempts: 0, nextAttemptAt: new Date(), lastError: null, lastStatus: null, deliveredAt: null },
  });
  if (replayed.count === 0) throw new HttpError(409, 'Conflict', `Webhook delivery ${id} is still pending; it is retried on its own`);
  return toDelivery(await db().webhookDelivery.findUniqueOrThrow({ where: { id } }));
}

export const replayWebhookDeliveryRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/webhook-deliveries/{id}/replay',
  operationId: 'replayWebhookDelivery',
  summary: 'Send a dead-lettered (or delivered) webhook again, from a fresh count of attempts; the delivery id stays the same',
  tags: ['Webhooks'],
  scope: 'admin',
  params: z.object({ id: z.uuid() }),
  response: { status: 200, description: 'The delivery, pending again', schema: WebhookDelivery },
  errors: { 404: 'No such delivery in the caller’s tenant', 409: 'The delivery is pending already' },
  handle: ({ params, principal }) => replayWebhookDelivery(principal.tenantId, params.id),
});
