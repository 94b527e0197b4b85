import 'server-only';
import { z } from 'zod';
import { defineRoute } from '../http/define-route';
import { db } from '../services';

/** A century: past it a window means "for ever", which null already says. */
export const MAX_RETENTION_DAYS = 36_500;

const windowDays = (what: string) =>
  z
    .number()
    .int()
    .min(1)
    .max(MAX_RETENTION_DAYS)
    .nullable()
    .describe(`Days ${what} is kept before the worker archives and deletes it, 1 to ${MAX_RETENTION_DAYS}; null keeps it for ever`);

const Retention = z
  .object({
    eventLogDays: windowDays('an event (by when it was received)'),
    runHistoryDays: windowDays('a finished run with its steps (by when it finished)'),
    updatedAt: z.iso.datetime().nullable().describe('When the windows were last changed; null while they never were'),
  })
  .meta({
    id: 'Retention',
    description:
      'How long the tenant keeps its event log and run history. Whatever an open run still needs is kept past the window, and the ids of deleted events stay known, so a re-sent one is still a duplicate',
  });

const toRetention = (row: { eventLogDays: number | null; runHistoryDays: number | null; updatedAt: Date } | null) => ({
  eventLogDays: row?.eventLogDays ?? null,
  runHistoryDays: row?.runHistoryDays ?? null,
  updatedAt: row?.updatedAt.toISOString() ?? null,
});

export const getRetention = defineRoute({
  method: 'GET',
  path: '/api/v1/settings/retention',
  operationId: 'getRetention',
  summary: 'The caller’s tenant’s retention windows for the event log and run history',
  tags: ['Settings'],
  scope: 'admin',
  response: { status: 200, description: 'The windows; both null (keep for ever) until set', schema: Retention },
  async handle({ principal }) {
    return toRetention(await db().tenantRetention.findUnique({ where: { tenantId: principal.tenantId } }));
  },
});

export const putRetention = defineRoute({
  method: 'PUT',
  path: '/api/v1/settings/retention',
  operationId: 'putRetention',
  summary: 'Set the retention windows; the worker archives and deletes what is older at its next pass',
  tags: ['Settings'],
  scope: 'admin',
  body: z
    .object({ eventLogDays: Retention.shape.eventLogDays, runHistoryDays: Retention.shape.runHistoryDays })
    .strict()
    .meta({ id: 'PutRetention' }),
  response: { status: 200, description: 'The windows as stored', schema: Retention },
  async handle({ body, principal }) {
    const row = await db().tenantRetention.upsert({
      where: { tenantId: principal.tenantId },
      create: { tenantId: principal.tenantId, ...body },
      update: body,
    });
    return toRetention(row);
  },
});
