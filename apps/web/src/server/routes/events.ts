import 'server-only';
import { cloudEventAttributesSchema, eventEnvelopeSchema } from '@cascade/catalog';
import { MAX_EVENT_BYTES, replayDeadLetters, replayDispatch } from '@cascade/ingestion';
import { BACKTEST_LIMITS, backtestFilter } from '../filter-backtest';
import { z } from 'zod';
import { webEnv } from '../../env.server';
import { dispatchExplanationSchema, emitterOfEvent, explainDispatch } from '../event-links';
import { admitToBacklog } from '../ingest-backlog';
import { DISPATCH_STATUSES, findEvents, retiredEvent, runsOfEvent, type EventLogRow } from '../event-log';
import { defineRoute } from '../http/define-route';
import { afterKey, pageOf, pageQuery, toPage } from '../http/pagination';
import { HttpError, notFound } from '../http/problem';
import { db, ingestion } from '../services';

export const MAX_BATCH = 1000;

/**
 * The body is documented with the schemas ingestion parses each event with: the catalog's
 * envelope, or a CloudEvent (the catalog's attributes; the mapped fields are the envelope's).
 */
const EventEnvelope = eventEnvelopeSchema.meta({ id: 'EventEnvelope' });
const CloudEvent = cloudEventAttributesSchema
  .extend({
    type: eventEnvelopeSchema.shape.type,
    source: eventEnvelopeSchema.shape.source,
    time: eventEnvelopeSchema.shape.timestamp.optional(),
    data: eventEnvelopeSchema.shape.data,
  })
  .meta({
    id: 'CloudEvent',
    description: 'CloudEvents 1.0 structured JSON; the envelope’s other fields travel as the extensions tenantid, correlationid, causationid, dataversion, actorid, actortype, actorrole, dataclassification, regulatory, auditrequired',
  });
const IncomingEvent = z.union([EventEnvelope, CloudEvent]);

const PublishProblem = z.object({
  index: z.number().int(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});

const PublishResult = z
  .object({
    accepted: z.array(z.object({ index: z.number().int(), id: z.uuid(), duplicate: z.boolean() })),
    rejected: z.array(PublishProblem).describe('Batch items refused, by index; empty for a single event'),
  })
  .meta({ id: 'PublishResult' });

export const publishEvents = defineRoute({
  method: 'POST',
  path: '/api/v1/events',
  operationId: 'publishEvents',
  summary: 'Publish one event, or a batch of up to 1,000',
  tags: ['Events'],
  scope: 'events:publish',
  // The event log is the append-only record of what was published, with the publishing key.
  audit: false,
  query: z.object({
    atomic: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true')
      .describe('With a batch: store nothing when any item is invalid'),
  }),
  body: z.union([IncomingEvent, z.array(IncomingEvent).max(MAX_BATCH)]),
  bodyParsedByHandler: true,
  maxBodyBytes: () => webEnv().MAX_EVENT_BODY_BYTES,
  // A batch costs the database what as many single events cost, so it counts as its events.
  rateLimit: { unit: 'events', count: (body) => (Array.isArray(body) ? body.length : 1) },
  admit: admitToBacklog,
  response: { status: 202, description: 'Committed before this answer; dispatch follows asynchronously', schema: PublishResult },
  errors: {
    403: 'The key may not publish this type (scope, namespace, or restricted namespace such as money.*)',
    413: `The body or the batch is too large, or an event takes more than ${MAX_EVENT_BYTES} bytes as JSON (the limit for events that can trigger runs)`,
    422: 'The payload fails the catalog schema; `errors` gives each JSON path',
  },
  async handle({ body: json, query, principal }) {
    // Unparsed (bodyParsedByHandler): ingestion parses each item, so a batch is accepted item by item.
    const batch = Array.isArray(json);
    const items: unknown[] = batch ? json : [json];
    if (items.length > MAX_BATCH) {
      throw new HttpError(413, 'Content Too Large', `A batch holds at most ${MAX_BATCH} events; this one has ${items.length}`);
    }
    const env = webEnv();
    const result = await ingestion().ingest(
      { tenantId: principal.tenantId, id: principal.id, namespaces: principal.publishNamespaces, service: principal.service },
      items,
      { atomic: query.atomic, restrictedNamespaces: env.CASCADE_RESTRICTED_NAMESPACES, maxCausationDepth: env.MAX_CAUSATION_DEPTH },
    );
    const [first] = result.rejected;
    if (first && (!batch || query.atomic)) {
      const title = { 400: 'Bad Request', 403: 'Forbidden', 413: 'Content Too Large', 422: 'Unprocessable Content' }[first.status];
      const detail = batch ? `Nothing was stored: item ${first.index}: ${first.detail}` : first.detail;
      const errors = batch
        ? result.rejected.flatMap((r) => r.errors.map((e) => ({ path: `/${r.index}${e.path}`, message: e.message })))
        : first.errors;
      throw new HttpError(first.status, title, detail, errors);
    }
    return result;
  },
});

const EventRecord = z
  .object({
    id: z.uuid(),
    type: z.string(),
    version: z.number().int(),
    source: z.string(),
    timestamp: z.iso.datetime(),
    receivedAt: z.iso.datetime(),
    correlationId: z.string().nullable(),
    causationId: z.string().nullable(),
    causationDepth: z.number().int(),
    dispatch: z.object({
      status: z.enum(DISPATCH_STATUSES),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      dispatchedAt: z.iso.datetime().nullable(),
    }).nullable(),
  })
  .meta({ id: 'EventRecord' });

const RunReference = z.object({ id: z.uuid(), workflowId: z.uuid(), workflowName: z.string(), status: z.string() }).meta({ id: 'RunReference' });

const EventDetail = EventRecord.extend({
  actor: z.unknown().nullable(),
  data: z.unknown(),
  metadata: z.unknown().nullable(),
  runsStarted: z.array(RunReference).describe('Runs this event triggered'),
  runsSignalled: z.array(RunReference).describe('Waiting runs this event was delivered to'),
  notStarted: dispatchExplanationSchema.describe('Why workflows that name the event’s type started no run for it, or why it started none at all'),
  emittedBy: z
    .object({ runId: z.uuid(), workflowId: z.uuid(), workflowName: z.string(), stepKey: z.string().nullable() })
    .nullable()
    .describe('The run (and its emit step) that emitted the event; null for an event published from outside'),
}).meta({ id: 'EventDetail' });


const toRecord = (row: EventLogRow) => ({
  id: row.id,
  type: row.type,
  version: row.version,
  source: row.source,
  timestamp: row.occurredAt.toISOString(),
  receivedAt: row.receivedAt.toISOString(),
  correlationId: row.correlationId,
  causationId: row.causationId,
  causationDepth: row.causationDepth,
  dispatch: row.dispatch && {
    status: row.dispatch.status,
    attempts: row.dispatch.attempts,
    lastError: row.dispatch.lastError,
    dispatchedAt: row.dispatch.dispatchedAt?.toISOString() ?? null,
  },
});

export const listEvents = defineRoute({
  method: 'GET',
  path: '/api/v1/events',
  operationId: 'listEvents',
  summary: 'The event log, newest first, filtered by type, time range, correlation id or dispatch status',
  tags: ['Events'],
  scope: 'workflows:read',
  query: z.object({
    type: z.string().optional(),
    from: z.iso.datetime({ offset: true }).optional().describe('Received at or after'),
    to: z.iso.datetime({ offset: true }).optional().describe('Received before'),
    correlationId: z.string().optional(),
    status: z.enum(DISPATCH_STATUSES).optional(),
    order: z.enum(['desc', 'asc']).default('desc').describe('By receipt: newest first (desc) or oldest first'),
    ...pageQuery({ max: 500, default: 50 }),
  }),
  response: { status: 200, description: 'Newest first, unless `order=asc`', schema: pageOf(EventRecord) },
  async handle({ query, principal }) {
    const { limit, cursor, order, ...filter } = query;
    const after = afterKey(cursor, [['receivedAt', 'date'], ['id', 'string']], order);
    const page = toPage(await findEvents(principal.tenantId, filter, limit + 1, after, order), limit, (row) => [row.receivedAt, row.id]);
    return { items: page.rows.map(toRecord), nextCursor: page.nextCursor };
  },
});

export const getEvent = defineRoute({
  method: 'GET',
  path: '/api/v1/events/{id}',
  operationId: 'getEvent',
  summary: 'One event with its payload and dispatch status',
  tags: ['Events'],
  scope: 'workflows:read',
  params: z.object({ id: z.uuid() }),
  response: { status: 200, description: 'The event', schema: EventDetail },
  errors: {
    404: 'No such event in the caller’s tenant',
    410: 'The event was received before the tenant’s retention window and has been archived and deleted; the detail names its archive folder',
  },
  async handle({ params, principal }) {
    const [row] = await findEvents(principal.tenantId, { id: params.id }, 1);
    if (!row) throw await missingEvent(principal.tenantId, params.id);
    const [{ started, signalled }, notStarted, emittedBy] = await Promise.all([
      runsOfEvent(principal.tenantId, row.id),
      explainDispatch(principal.tenantId, row),
      emitterOfEvent(principal.tenantId, row),
    ]);
    const reference = (run: (typeof started)[number]) => ({ id: run.id, workflowId: run.workflowId, workflowName: run.workflow.name, status: run.status });
    return {
      ...toRecord(row),
      actor: row.actor,
      data: row.data,
      metadata: row.metadata,
      runsStarted: started.map(reference),
      runsSignalled: signalled.map(reference),
      notStarted,
      emittedBy,
    };
  },
});

/** 410 for an event retention archived and deleted, so a caller knows to look in the archive; 404 for one never seen. */
async function missingEvent(tenantId: string, id: string): Promise<HttpError> {
  const retired = await retiredEvent(tenantId, id);
  if (!retired) return notFound(`No event ${id} in this tenant`);
  return new HttpError(410, 'Gone', `Event ${id} was received on ${retired.receivedOn}, before the retention window, and has been archived and deleted; its record is in the archive under ${retired.archivedUnder}`);
}

export const replayEvent = defineRoute({
  method: 'POST',
  path: '/api/v1/events/{id}/replay',
  operationId: 'replayEvent',
  summary: 'Dispatch a dead-lettered event again, after the cause of its failures is fixed',
  tags: ['Events'],
  scope: 'workflows:write',
  params: z.object({ id: z.uuid() }),
  response: { status: 202, description: 'Queued for dispatch with a fresh set of attempts', schema: EventRecord },
  errors: { 404: 'No such event in the caller’s tenant', 409: 'The event is not dead-lettered' },
  async handle({ params, principal }) {
    const [row] = await findEvents(principal.tenantId, { id: params.id }, 1);
    if (!row?.dispatch) throw notFound(`No event ${params.id} in this tenant`);
    if (row.dispatch.status !== 'DEAD') {
      throw new HttpError(409, 'Conflict', `Only dead-lettered events are replayed; this one is ${row.dispatch.status}`);
    }
    await replayDispatch(db(), row.dispatch.id);
    const [replayed] = await findEvents(principal.tenantId, { id: params.id }, 1);
    return toRecord(replayed!);
  },
});

export const replayDeadLettersRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/events/replay',
  operationId: 'replayDeadLetters',
  summary: 'Dispatch the caller’s dead-lettered events again in bulk, chosen by filter, after the cause of their failures is fixed',
  tags: ['Events'],
  scope: 'workflows:write',
  body: z
    .object({
      type: z.string().min(1).optional().describe('Only events of this type'),
      correlationId: z.string().min(1).optional(),
      from: z.iso.datetime({ offset: true }).optional().describe('Received at or after'),
      to: z.iso.datetime({ offset: true }).optional().describe('Received before'),
      errorContains: z.string().min(1).max(500).optional().describe('Only those whose last dispatch error contains this text (case-insensitive)'),
      limit: z.number().int().min(1).max(10_000).default(1_000).describe('Most replayed by this call, oldest first; call again while `more` is true'),
    })
    .strict(),
  response: {
    status: 202,
    description: 'Queued for dispatch, each with a fresh set of attempts',
    schema: z.object({ replayed: z.number().int(), more: z.boolean().describe('Matching dead letters are left for another call') }).meta({ id: 'DeadLetterReplay' }),
  },
  async handle({ body, principal }) {
    const { limit, from, to, ...filter } = body;
    return replayDeadLetters(db(), principal.tenantId, { ...filter, ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) }, limit);
  },
});

export const backtestFilterRoute = defineRoute({
  method: 'POST',
  path: '/api/v1/events/filter-backtest',
  operationId: 'backtestFilter',
  summary: 'Evaluate a trigger filter against the tenant’s last events of a type, as the dispatcher would: how many would have started a run',
  tags: ['Events'],
  scope: 'workflows:read',
  audit: false, // reads only
  body: z
    .object({
      eventType: z.string().min(1).max(200),
      filter: z.string().min(1).describe('The trigger filter, a JSONata expression over `event`'),
      limit: z.number().int().min(1).max(BACKTEST_LIMITS.maxEvents).default(100).describe('How many of the newest events of the type to evaluate'),
    })
    .strict(),
  response: {
    status: 200,
    description: `The verdicts, newest event first. Each evaluation is cut at ${BACKTEST_LIMITS.eventTimeoutMs} ms (failed), and the whole at ${BACKTEST_LIMITS.budgetMs / 1000} s (stoppedEarly says so)`,
    schema: z
      .object({
        evaluated: z.number().int(),
        matched: z.number().int(),
        filteredOut: z.number().int(),
        failed: z.number().int(),
        stoppedEarly: z.string().nullable(),
        events: z.array(
          z.object({ id: z.uuid(), receivedAt: z.iso.datetime(), outcome: z.enum(['matched', 'filtered-out', 'failed']), error: z.string().optional() }),
        ),
      })
      .meta({ id: 'FilterBacktest' }),
  },
  errors: { 422: 'The filter is not a valid expression; `errors` gives its position' },
  async handle({ body, principal }) {
    const backtest = await backtestFilter(principal.tenantId, body);
    return { ...backtest, events: backtest.events.map((event) => ({ ...event, receivedAt: event.receivedAt.toISOString() })) };
  },
});

