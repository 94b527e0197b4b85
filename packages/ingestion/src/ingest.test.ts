import { randomUUID } from 'node:crypto';
import { MAX_JSON_DEPTH } from '@cascade/catalog';
import { createDatabase } from '@cascade/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MAX_EVENT_BYTES, eventSizeBytes } from './event-size';
import { createIngestion, type IngestOptions } from './ingest';
import { DEFAULT_RESTRICTED_NAMESPACES, type Publisher } from './publisher-policy';

const db = createDatabase(inject('databaseUrl'));
const ingestion = createIngestion(db);
const options: IngestOptions = { restrictedNamespaces: DEFAULT_RESTRICTED_NAMESPACES, maxCausationDepth: 3 };
let publisher: Publisher;

const breach = (overrides: Record<string, unknown> = {}) => ({
  type: 'TICKET_SLA_STAGE_BREACHED',
  source: 'psa',
  data: {
    tenantId: 'psa-tenant-1',
    ticketId: 'T-1',
    slaPolicyId: 'SLA-1',
    stage: 'resolution',
    breachedAt: '2026-03-03T08:15:05Z',
    targetAt: '2026-03-03T08:14:05Z',
    overdueBySeconds: 60,
  },
  ...overrides,
});

beforeAll(async () => {
  const tenant = await db.tenant.create({ data: { slug: `ingest-${randomUUID()}`, name: 'Ingest' } });
  publisher = { tenantId: tenant.id, id: 'key-1', namespaces: [], service: null };
});
afterAll(() => db.$disconnect());

describe('ingestEvents', () => {
  it('stores the event and its dispatch row in one commit, with a generated UUIDv7 id', async () => {
    const result = await ingestion.ingest(publisher, [breach()], options);
    expect(result.rejected).toEqual([]);
    const [accepted] = result.accepted;
    expect(accepted).toMatchObject({ index: 0, duplicate: false });
    expect(accepted!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    const stored = await db.event.findUniqueOrThrow({
      where: { tenantId_id: { tenantId: publisher.tenantId, id: accepted!.id } },
      include: { dispatch: true },
    });
    expect(stored).toMatchObject({ type: 'TICKET_SLA_STAGE_BREACHED', version: 1, publishedBy: 'key-1', dispatch: { status: 'PENDING' } });
  });

  it('answers a redelivered id as a duplicate and stores nothing new, also within one batch', async () => {
    const id = randomUUID();
    const first = await ingestion.ingest(publisher, [breach({ id }), breach({ id })], options);
    expect(first.accepted.map((a) => a.duplicate)).toEqual([false, true]);
    const again = await ingestion.ingest(publisher, [breach({ id })], options);
    expect(again.accepted).toEqual([{ index: 0, id, duplicate: true }]);
    expect(await db.dispatch.count({ where: { eventId: id } })).toBe(1);
  });

  it('answers an id retention retired (its event deleted, the id kept) as a duplicate and starts nothing', async () => {
    const id = randomUUID();
    await ingestion.ingest(publisher, [breach({ id })], options);
    await db.retiredEventId.create({ data: { tenantId: publisher.tenantId, id, receivedOn: new Date() } });
    await db.event.delete({ where: { tenantId_id: { tenantId: publisher.tenantId, id } } });
    const again = await ingestion.ingest(publisher, [breach({ id }), breach()], options);
    expect(again.accepted.map((a) => a.duplicate)).toEqual([true, false]);
    expect(await db.event.count({ where: { tenantId: publisher.tenantId, id } })).toBe(0);
    expect(await db.dispatch.count({ where: { eventId: id } })).toBe(0);
  });

  it('rejects invalid items by index with JSON paths, and accepts the rest', async () => {
    const result = await ingestion.ingest(publisher,
      [breach(), { source: 'x' }, breach({ data: { ...breach().data, stage: 'lunch', overdueBySeconds: -1 } }), breach({ type: 'NO_SUCH_EVENT' })],
      options,
    );
    expect(result.accepted.map((a) => a.index)).toEqual([0]);
    expect(result.rejected.map((r) => [r.index, r.status])).toEqual([[1, 400], [2, 422], [3, 422]]);
    expect(result.rejected[1]!.errors.map((e) => e.path)).toEqual(['/data/stage', '/data/overdueBySeconds']);
    expect(result.rejected[2]!.errors).toEqual([
      { path: '/type', message: '"NO_SUCH_EVENT" version 1 is neither in the catalog nor registered by this tenant', expected: 'a catalog event type' },
    ]);
  });

  it('refuses by index an item holding text PostgreSQL cannot store, and stores the rest of the batch', async () => {
    const data = breach().data;
    const items = [breach(), breach({ data: { ...data, ticketId: 'T\u0000' } }), breach({ source: '\uDC00', data: { ...data, '\u0000': 1 } })];
    const result = await ingestion.ingest(publisher, items, options);
    expect(result.accepted.map((a) => a.index)).toEqual([0]);
    expect(result.rejected.map((r) => [r.index, r.status, r.errors.map((e) => e.path)])).toEqual([
      [1, 400, ['/data/ticketId']],
      [2, 400, ['/source', '/data/\u0000']],
    ]);
  });

  it('refuses by index an item nested past MAX_JSON_DEPTH, naming where, and stores the rest of the batch', async () => {
    // 5,000 levels overflowed the serialiser and failed the whole request with a 500.
    const nested = JSON.parse(`${'['.repeat(5_000)}${']'.repeat(5_000)}`) as unknown;
    const result = await ingestion.ingest(publisher, [breach(), breach({ data: { ...breach().data, nested } })], options);
    expect(result.accepted.map((a) => a.index)).toEqual([0]);
    const [rejected] = result.rejected;
    expect(rejected).toMatchObject({ index: 1, status: 400, detail: `The event nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep` });
    expect(rejected!.errors).toEqual([
      { path: `/data/nested${'/0'.repeat(MAX_JSON_DEPTH - 2)}`, message: `Objects and arrays nest more than ${MAX_JSON_DEPTH} levels deep here`, expected: `at most ${MAX_JSON_DEPTH} levels of objects and arrays` },
    ]);
  });

  it('stores nothing from an atomic batch with an invalid item', async () => {
    const id = randomUUID();
    const result = await ingestion.ingest(publisher, [breach({ id }), breach({ data: {} })], { ...options, atomic: true });
    expect(result.accepted).toEqual([]);
    expect(result.rejected.map((r) => r.index)).toEqual([1]);
    expect(await db.event.count({ where: { id } })).toBe(0);
  });

  it('refuses money.* from any key but the money service’s, and types outside a key’s namespaces', async () => {
    const credit = {
      type: 'money.wallet.credited',
      source: 'money',
      data: { tenantId: 't', txId: 'tx-1', userId: 'u-1', amountCents: 100, currency: 'USD' },
    };
    const refused = await ingestion.ingest(publisher, [credit], options);
    expect(refused.rejected[0]).toMatchObject({ status: 403, detail: expect.stringContaining('only the money service may publish') });
    const allowed = await ingestion.ingest({ ...publisher, service: 'money' }, [credit], options);
    expect(allowed.rejected).toEqual([]);
    const narrow = await ingestion.ingest({ ...publisher, namespaces: ['INVOICE_'] }, [breach()], options);
    expect(narrow.rejected[0]).toMatchObject({ status: 403, detail: expect.stringContaining('may publish only INVOICE_*') });
  });

  it('refuses an envelope naming another tenant', async () => {
    const result = await ingestion.ingest(publisher, [breach({ tenantId: randomUUID() })], options);
    expect(result.rejected[0]).toMatchObject({ status: 403, errors: [{ path: '/tenantId' }] });
  });

  it('counts causation depth and refuses a chain deeper than the limit', async () => {
    let causationId: string | undefined;
    for (let depth = 0; depth <= 3; depth += 1) {
      const result = await ingestion.ingest(publisher, [breach(causationId ? { causationId } : {})], options);
      expect(result.rejected).toEqual([]);
      causationId = result.accepted[0]!.id;
    }
    const tooDeep = await ingestion.ingest(publisher, [breach({ causationId })], options);
    expect(tooDeep.rejected[0]).toMatchObject({ status: 422, errors: [{ path: '/causationId', message: 'chain depth 4 > 3' }] });
  });

  it('takes the depth of a cause the caller knows instead of looking it up', async () => {
    const cause = randomUUID(); // stored nowhere: only the caller's word gives it a depth
    const knownDepths = new Map([[cause, 2]]);
    const accepted = await ingestion.ingest(publisher, [breach({ causationId: cause })], { ...options, knownDepths });
    const stored = await db.event.findUniqueOrThrow({ where: { tenantId_id: { tenantId: publisher.tenantId, id: accepted.accepted[0]!.id } } });
    expect(stored.causationDepth).toBe(3);
    const tooDeep = await ingestion.ingest(publisher, [breach({ causationId: cause })], { ...options, knownDepths: new Map([[cause, 3]]) });
    expect(tooDeep.rejected[0]).toMatchObject({ status: 422, errors: [{ path: '/causationId', message: 'chain depth 4 > 3' }] });
  });

  it('validates tenant-registered event types against their JSON Schema', async () => {
    await db.eventType.create({
      data: {
        tenantId: publisher.tenantId,
        type: 'acme.order.shipped',
        version: 1,
        displayName: 'Order shipped',
        description: 'An order left the warehouse',
        category: 'Integrations',
        jsonSchema: { type: 'object', required: ['orderId'], properties: { orderId: { type: 'string' }, weightKg: { type: 'number' } } },
      },
    });
    const result = await ingestion.ingest(publisher,
      [
        { type: 'acme.order.shipped', source: 'acme', data: { orderId: 'o-1', weightKg: 2 } },
        { type: 'acme.order.shipped', source: 'acme', data: { weightKg: 'heavy' } },
      ],
      options,
    );
    expect(result.accepted.map((a) => a.index)).toEqual([0]);
    expect(result.rejected[0]!.errors.map((e) => e.path).sort()).toEqual(['/data/orderId', '/data/weightKg']);
  });

  it('accepts an event of exactly the size limit and refuses one byte more with 413 naming the limit', async () => {
    const sized = (bytes: number) => {
      // In the parsed envelope's own field order, so its JSON is this JSON byte for byte.
      const event = { id: randomUUID(), type: 'TICKET_SLA_STAGE_BREACHED', version: 1, timestamp: '2026-03-03T08:15:05Z', source: 'psa', data: { ...breach().data, note: '' } };
      event.data.note = 'x'.repeat(bytes - eventSizeBytes(event));
      return event;
    };
    const atLimit = sized(MAX_EVENT_BYTES);
    expect(Buffer.byteLength(JSON.stringify(atLimit))).toBe(MAX_EVENT_BYTES);
    const result = await ingestion.ingest(publisher, [atLimit, sized(MAX_EVENT_BYTES + 1)], options);
    expect(result.accepted.map((a) => [a.index, a.id])).toEqual([[0, atLimit.id]]);
    expect(result.rejected).toEqual([
      {
        index: 1,
        status: 413,
        detail: expect.stringContaining(`beyond the limit of ${MAX_EVENT_BYTES} bytes (512 KiB) for an event that can trigger runs`),
        errors: [{ path: '/data', message: `event of ${MAX_EVENT_BYTES + 1} bytes > ${MAX_EVENT_BYTES}`, expected: `an event of at most ${MAX_EVENT_BYTES} bytes as JSON` }],
      },
    ]);
  });

  it('refuses a version number past PostgreSQL’s integer as a bad envelope, not a database error', async () => {
    // A tenant type is looked up in the database by version: past PostgreSQL's integer that was a 500.
    const cloudEvent = { specversion: '1.0', id: 'x', type: 'acme.unknown', source: 's', dataschema: 'x.v10600549237', data: {} };
    const result = await ingestion.ingest(publisher, [breach({ type: 'acme.unknown', version: 93305110044 }), breach({ version: '93305110044.0' }), cloudEvent], options);
    expect(result.rejected.map((r) => [r.index, r.status, r.errors[0]?.path])).toEqual([[0, 400, '/version'], [1, 400, '/version'], [2, 400, '/dataversion']]);
  });
});
