import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEventEnvelope, type EventEnvelope } from './envelope';
import { fromCloudEvent } from './cloud-events';
import { parseIncomingEvent } from './incoming-event';
import { propertyRuns, propertyTimeout } from './testing/property-runs';

/** Text a producer may send: any code points, lone surrogates and NUL included. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', '\u0000', '\uD800', '\uDC00', 'a\uD83D', '😀', '\u202Eevil', 'e\u0301', '\uFEFF', ' '),
);
const hostileKey = fc.oneof(hostileText, fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'));

/** Objects as JSON.parse builds them from a request body, so a `__proto__` key is an own property. */
const fromEntries = (entries: Array<[string, unknown]>) =>
  JSON.parse(`{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`) as Record<string, unknown>;

const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileText,
    fc.constantFrom(null, true, false, 0, -1, 1e308, 0.1),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(fromEntries),
  ),
})).value;

/** A value nested `depth` levels deep, objects and arrays alternating. */
const deeplyNested = fc.integer({ min: 500, max: 5_000 }).map((depth) => JSON.parse(`${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`) as unknown);
const hugeText = fc.integer({ min: 100_000, max: 1_000_000 }).map((length) => 'é'.repeat(length));

const eventTypes = fc.constantFrom('INVOICE_OVERDUE', 'TICKET_SLA_STAGE_BREACHED', 'acme.order.shipped');
const timestamps = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const dataObject = fc.array(fc.tuple(hostileKey, json), { maxLength: 5 }).map(fromEntries);

/** Every answer the parser gives: an envelope, or errors that each say where and what was expected. */
function expectWellFormed(result: ReturnType<typeof parseIncomingEvent>) {
  if (result.ok) return;
  expect(result.error.errors.length).toBeGreaterThan(0);
  for (const error of result.error.errors) {
    expect(error.path === '' || error.path.startsWith('/'), error.path).toBe(true);
    expect(error.message).not.toBe('');
    expect(typeof error.expected).toBe('string');
  }
}

/** Whatever was parsed, Object.prototype gained nothing. */
const expectNoPollution = () => expect(Object.keys(Object.prototype)).toEqual([]);

const toCloudEvent = (envelope: EventEnvelope) => ({
  specversion: '1.0',
  id: envelope.id,
  type: envelope.type,
  source: envelope.source,
  time: envelope.timestamp,
  dataversion: envelope.version,
  ...(envelope.tenantId ? { tenantid: envelope.tenantId } : {}),
  ...(envelope.correlationId ? { correlationid: envelope.correlationId } : {}),
  data: envelope.data,
});

describe('parseIncomingEvent on generated input', () => {
  it('answers any JSON, as a whole event, as its data or as a CloudEvent, without throwing or polluting prototypes', () => {
    const anyEvent = fc.oneof(
      json,
      fc.record({ type: eventTypes, source: hostileText, data: json }),
      fc.record({ specversion: fc.constant('1.0'), id: hostileText, type: eventTypes, source: hostileText, data: json }),
      fc.tuple(dataObject, fc.array(fc.tuple(hostileKey, json), { maxLength: 3 })).map(([data, extra]) => ({ ...fromEntries(extra), type: 'INVOICE_OVERDUE', source: 's', data })),
    );
    fc.assert(
      fc.property(anyEvent, (input) => {
        expectWellFormed(parseIncomingEvent(input));
        expectNoPollution();
      }),
      { numRuns: propertyRuns(300) },
    );
  }, propertyTimeout(1_000));

  it('keeps every key of the data it accepts, and refuses "__proto__" keys with their path', () => {
    fc.assert(
      fc.property(eventTypes, dataObject, fc.boolean(), (type, data, asCloudEvent) => {
        const input = asCloudEvent ? { specversion: '1.0', id: 'x-1', type, source: 's', data } : { type, source: 's', data };
        const result = parseIncomingEvent(input);
        const prototypeKeys = JSON.stringify(data).includes('"__proto__":');
        if (prototypeKeys) {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.errors.map((e) => e.path)).toContainEqual(expect.stringMatching(/^\/data(\/.*)?\/__proto__$/s));
        } else {
          expect(result.ok).toBe(true);
          if (result.ok) expect(JSON.stringify(result.event.data)).toBe(JSON.stringify(data));
        }
        expectNoPollution();
      }),
      { numRuns: propertyRuns(300) },
    );
  }, propertyTimeout(1_000));

  it('does not let a "__proto__" key supply fields the data lacks', () => {
    const smuggled = JSON.parse('{"type":"INVOICE_OVERDUE","source":"s","data":{"__proto__":{"invoiceId":"INV-1"}}}') as unknown;
    const result = parseIncomingEvent(smuggled);
    expect(result).toMatchObject({ ok: false, error: { errors: [{ path: '/data/__proto__' }] } });
  });

  it('answers deep nesting and huge strings in bounded time', () => {
    fc.assert(
      fc.property(fc.oneof(deeplyNested, hugeText), fc.boolean(), (value, asCloudEvent) => {
        const started = performance.now();
        const data = { value };
        expectWellFormed(parseIncomingEvent(asCloudEvent ? { specversion: '1.0', id: 'x', type: 'INVOICE_OVERDUE', source: 's', data } : { type: 'INVOICE_OVERDUE', source: 's', data }));
        // Unbounded work would take far longer; this only catches a runaway, not a slowdown.
        expect(performance.now() - started).toBeLessThan(2_000);
      }),
      { numRuns: propertyRuns(20) },
    );
  }, propertyTimeout(2_000));
});

describe('the CloudEvents mapping on generated events', () => {
  const envelopes = fc.record({
    id: fc.uuid(),
    type: eventTypes,
    version: fc.integer({ min: 1, max: 9 }),
    timestamp: timestamps,
    source: fc.string({ minLength: 1, maxLength: 20 }),
    tenantId: fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: undefined }),
    correlationId: fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: undefined }),
    data: dataObject.filter((data) => !JSON.stringify(data).includes('"__proto__":')),
  }, { requiredKeys: ['id', 'type', 'version', 'timestamp', 'source', 'data'] });

  it('maps a CloudEvent onto the envelope its canonical form parses to', () => {
    fc.assert(
      fc.property(envelopes, (envelope) => {
        const canonical = parseEventEnvelope(envelope);
        expect(canonical.ok).toBe(true);
        if (canonical.ok) expect(fromCloudEvent(toCloudEvent(canonical.event))).toEqual(canonical);
      }),
      { numRuns: propertyRuns(300) },
    );
  }, propertyTimeout(1_000));

  it('derives the same envelope id from the same source and id on every delivery, and another for another source', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (id, source, otherSource) => {
        const event = (from: string) => fromCloudEvent({ specversion: '1.0', id, type: 'INVOICE_OVERDUE', source: from, data: {} });
        const [first, again, other] = [event(source), event(source), event(otherSource)];
        if (!first.ok || !again.ok || !other.ok) return;
        expect(again.event.id).toBe(first.event.id);
        if (otherSource !== source) expect(other.event.id === first.event.id).toBe(id === first.event.id);
      }),
      { numRuns: propertyRuns(300) },
    );
  }, propertyTimeout(1_000));
});
