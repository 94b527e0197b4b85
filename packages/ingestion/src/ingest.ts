import { checkJsonDepth, isUuid, MAX_JSON_DEPTH, parseIncomingEvent, type EventEnvelope, type FieldError } from '@cascade/catalog';
import { findUnstorableText, type Database } from '@cascade/db';
import { currentTraceParent } from '@cascade/telemetry';
import { createEventTypeRegistry, type EventTypeRegistry } from './event-types';
import { eventTooLarge } from './event-size';
import { createEventWriter, eventKey, type EventRow, type EventWriter } from './event-writer';
import { checkPublisher, type Publisher, type RestrictedNamespace } from './publisher-policy';

export interface IngestOptions {
  /** Reject the whole batch when any item is invalid (nothing is stored). */
  atomic?: boolean;
  restrictedNamespaces: readonly RestrictedNamespace[];
  /** Longest causation chain accepted (DESIGN.md §2); deeper events are refused. */
  maxCausationDepth: number;
  /** Causation depths of events the caller knows (a run knows its trigger's), which need no lookup. */
  knownDepths?: ReadonlyMap<string, number>;
}

export interface AcceptedEvent {
  index: number;
  id: string;
  /** The id was accepted before (in an earlier request or earlier in this batch); nothing new happens. */
  duplicate: boolean;
}

export interface RejectedEvent {
  index: number;
  status: 400 | 403 | 413 | 422;
  detail: string;
  errors: FieldError[];
}

export interface IngestResult {
  accepted: AcceptedEvent[];
  rejected: RejectedEvent[];
}

interface CheckedEvent {
  index: number;
  envelope: EventEnvelope;
}

export interface Ingestion {
  ingest(publisher: Publisher, items: readonly unknown[], options: IngestOptions): Promise<IngestResult>;
  /**
   * What `ingest` would say of one event, without storing it: its parsed envelope (a drafted
   * workflow's test run takes a sample event, and records what it would emit), or why it is refused.
   */
  check(publisher: Publisher, item: unknown, options: IngestOptions): Promise<{ envelope: EventEnvelope } | Omit<RejectedEvent, 'index'>>;
}

/**
 * The one ingestion path (HTTP, NATS, emit nodes): validates each envelope against the catalog
 * and the publisher's rights, then stores every valid event with its dispatch row in one commit
 * (shared with concurrent callers). Returns only after that commit, so an accepted event is never
 * lost; an id seen before is reported as a duplicate and starts nothing.
 */
export interface IngestionObserver {
  /** After each call, with how many events were stored, were duplicates, were refused (for metrics). */
  ingested?(counts: { accepted: number; duplicate: number; rejected: number }): void;
}

export function createIngestion(db: Database, observer: IngestionObserver = {}): Ingestion {
  const registry = createEventTypeRegistry(db);
  const writer = createEventWriter(db);
  return {
    async ingest(publisher, items, options) {
      const result = await ingestEvents(db, registry, writer, publisher, items, options);
      const duplicate = result.accepted.filter((event) => event.duplicate).length;
      observer.ingested?.({ accepted: result.accepted.length - duplicate, duplicate, rejected: result.rejected.length });
      return result;
    },
    check: (publisher, item, options) => checkEvent(registry, publisher, item, options),
  };
}

async function ingestEvents(
  db: Database,
  registry: EventTypeRegistry,
  writer: EventWriter,
  publisher: Publisher,
  items: readonly unknown[],
  options: IngestOptions,
): Promise<IngestResult> {
  const rejected: RejectedEvent[] = [];
  const checked: CheckedEvent[] = [];
  for (const [index, item] of items.entries()) {
    const outcome = await checkEvent(registry, publisher, item, options);
    if ('envelope' in outcome) checked.push({ index, envelope: outcome.envelope });
    else rejected.push({ index, ...outcome });
  }
  const depths = await causationDepths(db, publisher.tenantId, checked, options.knownDepths);
  const max = options.maxCausationDepth;
  const depthOf = (event: CheckedEvent) => depths.get(event.envelope.id) ?? 0;
  for (const event of checked.filter((e) => depthOf(e) > max)) {
    rejected.push({
      index: event.index,
      status: 422,
      detail: `The causation chain is ${depthOf(event)} events deep, beyond the limit of ${max}; a workflow is probably triggering itself`,
      errors: [{ path: '/causationId', message: `chain depth ${depthOf(event)} > ${max}`, expected: `a chain of at most ${max} events` }],
    });
  }
  rejected.sort((a, b) => a.index - b.index);
  if (options.atomic && rejected.length) return { accepted: [], rejected };
  const storable = checked.filter((e) => depthOf(e) <= max);
  return { accepted: await storeEvents(writer, publisher, storable, depths), rejected };
}

async function checkEvent(
  registry: EventTypeRegistry,
  publisher: Publisher,
  item: unknown,
  options: IngestOptions,
): Promise<{ envelope: EventEnvelope } | Omit<RejectedEvent, 'index'>> {
  // Before anything else reads it: a value nested thousands deep overflows whatever serialises it.
  const tooDeep = checkJsonDepth(item, '');
  if (tooDeep.length) return { status: 400, detail: `The event nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`, errors: tooDeep };
  // Such text would fail the commit it shares with other callers.
  const unstorable = findUnstorableText(item);
  if (unstorable.length) return { status: 400, detail: 'The event holds text PostgreSQL cannot store', errors: unstorable };
  const parsed = parseIncomingEvent(item);
  if (!parsed.ok) return { status: 400, detail: parsed.error.message, errors: parsed.error.errors };
  const envelope = parsed.event;
  const tooLarge = eventTooLarge(envelope);
  if (tooLarge) return { status: 413, ...tooLarge };
  if (envelope.tenantId && envelope.tenantId !== publisher.tenantId) {
    return {
      status: 403,
      detail: 'The envelope names another tenant than the API key belongs to',
      errors: [{ path: '/tenantId', message: 'must match the tenant of the API key (or be omitted)', expected: publisher.tenantId, received: envelope.tenantId }],
    };
  }
  const refusal = checkPublisher(publisher, envelope.type, options.restrictedNamespaces);
  if (refusal) return { status: 403, detail: refusal, errors: [{ path: '/type', message: refusal, expected: 'a type this key may publish' }] };
  const check = await registry.validate(publisher.tenantId, envelope.type, envelope.version, envelope.data);
  if (!check.ok) return { status: 422, detail: check.detail, errors: check.errors };
  return { envelope };
}

/** Depth of each event's causation chain: one more than the event that caused it. */
async function causationDepths(
  db: Database,
  tenantId: string,
  events: CheckedEvent[],
  known: ReadonlyMap<string, number> = new Map(),
): Promise<Map<string, number>> {
  const causes = [...new Set(events.map((e) => e.envelope.causationId).filter((id): id is string => !!id && !known.has(id)))];
  const parents = causes.length
    ? await db.event.findMany({ where: { tenantId, id: { in: causes.filter(isUuid) } }, select: { id: true, causationDepth: true } })
    : [];
  const parentDepth = new Map([...known, ...parents.map((p): [string, number] => [p.id, p.causationDepth])]);
  return new Map(
    events.map(({ envelope }) => {
      const parent = envelope.causationId ? parentDepth.get(envelope.causationId) : undefined;
      return [envelope.id, parent === undefined ? (envelope.causationId ? 1 : 0) : parent + 1];
    }),
  );
}

async function storeEvents(
  writer: EventWriter,
  publisher: Publisher,
  events: CheckedEvent[],
  depths: Map<string, number>,
): Promise<AcceptedEvent[]> {
  const firstIndexOf = new Map<string, number>();
  for (const { index, envelope } of events) if (!firstIndexOf.has(envelope.id)) firstIndexOf.set(envelope.id, index);
  // Read here, in the caller's context: the group commit writes rows of many callers at once.
  const traceParent = currentTraceParent();
  const rows: EventRow[] = events
    .filter(({ index, envelope }) => firstIndexOf.get(envelope.id) === index)
    .map(({ envelope }) => ({
      tenant_id: publisher.tenantId,
      id: envelope.id,
      type: envelope.type,
      version: envelope.version,
      source: envelope.source,
      occurred_at: envelope.timestamp,
      correlation_id: envelope.correlationId ?? null,
      causation_id: envelope.causationId ?? null,
      causation_depth: depths.get(envelope.id) ?? 0,
      actor: envelope.actor ?? null,
      data: envelope.data,
      metadata: envelope.metadata ?? null,
      published_by: publisher.id,
      trace_parent: traceParent,
    }));
  const inserted = await writer.write(rows);
  return events.map(({ index, envelope }) => ({
    index,
    id: envelope.id,
    duplicate: !inserted.has(eventKey(publisher.tenantId, envelope.id)) || firstIndexOf.get(envelope.id) !== index,
  }));
}

