import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getEventDefinition } from './catalog';
import { checkCompatibility } from './compatibility';
import { payloadJsonSchema, type JsonSchema } from './json-schema';
import { ExpansionBudgetExceeded } from './schema-limits';
import { exponentialRefSchema, exponentialUnionSchema, referenceLoopSchema, selfReferencingSchema } from './testing/hostile-schemas';
import { assertVersionBump, IncompatibleVersionError } from './version-bump';

const toJsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;

// A tenant-registered event type, as it arrives through the API: plain JSON Schema.
const shipmentDelayed: JsonSchema = {
  type: 'object',
  properties: {
    tenantId: { type: 'string' },
    shipmentId: { type: 'string' },
    delayHours: { type: 'integer' },
    carrier: { type: 'string', enum: ['UPS', 'DHL', 'FEDEX'] },
    stops: { type: 'array', items: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
    note: { type: 'string' },
  },
  required: ['tenantId', 'shipmentId', 'delayHours', 'carrier', 'stops'],
};

const withProperties = (properties: Record<string, JsonSchema>, required = shipmentDelayed.required): JsonSchema => ({
  ...shipmentDelayed,
  properties: { ...shipmentDelayed.properties, ...properties },
  required,
});

describe('checking a new schema version against the previous one', () => {
  it('finds no change in an identical schema', () => {
    expect(checkCompatibility(shipmentDelayed, structuredClone(shipmentDelayed))).toEqual({ kind: 'none', changes: [] });
  });

  it('calls adding an optional field minor', () => {
    expect(checkCompatibility(shipmentDelayed, withProperties({ eta: { type: 'string', format: 'date-time' } }))).toEqual({
      kind: 'minor',
      changes: [{ path: 'eta', change: 'added-optional', breaking: false }],
    });
  });

  it('calls adding a required field major', () => {
    const next = withProperties({ reasonCode: { type: 'string' } }, [...(shipmentDelayed.required ?? []), 'reasonCode']);
    expect(checkCompatibility(shipmentDelayed, next)).toMatchObject({ kind: 'major', changes: [{ path: 'reasonCode', change: 'added-required', breaking: true }] });
  });

  it('sees a rename as a removal plus an addition, and calls it major', () => {
    const { delayHours, ...rest } = shipmentDelayed.properties ?? {};
    const next: JsonSchema = { ...shipmentDelayed, properties: { ...rest, delayMinutes: delayHours as JsonSchema }, required: ['tenantId', 'shipmentId', 'delayMinutes', 'carrier', 'stops'] };
    expect(checkCompatibility(shipmentDelayed, next).changes).toEqual([
      { path: 'delayHours', change: 'removed', breaking: true },
      { path: 'delayMinutes', change: 'added-required', breaking: true },
    ]);
  });

  it('calls a type change major, also deep inside arrays of objects and for nullability', () => {
    const next = withProperties({
      delayHours: { type: 'string' },
      stops: { type: 'array', items: { type: 'object', properties: { city: { type: ['string', 'null'] } }, required: ['city'] } },
    });
    expect(checkCompatibility(shipmentDelayed, next)).toEqual({
      kind: 'major',
      changes: [
        { path: 'delayHours', change: 'retyped', breaking: true, previous: 'integer', next: 'string' },
        { path: 'stops[].city', change: 'retyped', breaking: true, previous: 'string', next: 'string | null' },
      ],
    });
  });

  it('calls narrowing an enum major and widening it minor', () => {
    const narrowed = withProperties({ carrier: { type: 'string', enum: ['UPS', 'DHL'] } });
    const widened = withProperties({ carrier: { type: 'string', enum: ['UPS', 'DHL', 'FEDEX', 'USPS'] } });
    expect(checkCompatibility(shipmentDelayed, narrowed)).toEqual({
      kind: 'major',
      changes: [{ path: 'carrier', change: 'enum-narrowed', breaking: true, previous: '"UPS", "DHL", "FEDEX"', next: '"UPS", "DHL"' }],
    });
    expect(checkCompatibility(shipmentDelayed, widened).kind).toBe('minor');
    expect(checkCompatibility(shipmentDelayed, widened).changes[0]?.change).toBe('enum-widened');
  });

  it('calls making a field required major and making it optional minor', () => {
    expect(checkCompatibility(shipmentDelayed, withProperties({}, [...(shipmentDelayed.required ?? []), 'note'])).changes).toEqual([
      { path: 'note', change: 'made-required', breaking: true },
    ]);
    expect(checkCompatibility(shipmentDelayed, withProperties({}, ['tenantId', 'shipmentId', 'delayHours', 'carrier'])).changes).toEqual([
      { path: 'stops', change: 'made-optional', breaking: false },
    ]);
  });

  it('reads zod-generated schemas the same way (nullable as anyOf, maps, local references)', () => {
    const previous = toJsonSchema(z.object({ reason: z.string().nullable(), changes: z.record(z.string(), z.object({ new: z.string() })) }));
    const next = toJsonSchema(z.object({ reason: z.string(), changes: z.record(z.string(), z.object({ new: z.number() })) }));
    expect(checkCompatibility(previous, next).changes).toEqual([
      { path: 'reason', change: 'retyped', breaking: true, previous: 'string | null', next: 'string' },
      { path: 'changes.*.new', change: 'retyped', breaking: true, previous: 'string', next: 'number' },
    ]);
    const referenced: JsonSchema = { $defs: { Id: { type: 'string' } }, type: 'object', properties: { id: { $ref: '#/$defs/Id' } } };
    expect(checkCompatibility(referenced, { type: 'object', properties: { id: { type: 'string' } } }).kind).toBe('none');
  });

  it('proves the two built-in versions of agent.task_completed needed a major version', () => {
    const result = checkCompatibility(
      payloadJsonSchema(getEventDefinition('agent.task_completed', 1)),
      payloadJsonSchema(getEventDefinition('agent.task_completed', 2)),
    );
    expect(result.kind).toBe('major');
    expect(result.changes).toEqual([
      { path: 'tokensConsumed', change: 'removed', breaking: true },
      { path: 'modelAssignment', change: 'added-optional', breaking: false },
      { path: 'tokenUsage', change: 'added-required', breaking: true },
    ]);
    expect(() => assertVersionBump(1, 2, result)).not.toThrow();
  });
});

describe('checking hostile schemas', () => {
  it('gives up on a schema whose $refs expand exponentially within the node budget, fast', () => {
    const started = performance.now();
    expect(() => checkCompatibility(exponentialRefSchema(26), exponentialRefSchema(26))).toThrow(ExpansionBudgetExceeded);
    const elapsed = performance.now() - started;
    console.info(`compatibility check of the 26-$defs bomb with itself: gave up after ${elapsed.toFixed(0)} ms`);
    // Unbounded, it compares 2^27 nodes: 13 s at 20 $defs, about 15 minutes at 26.
    expect(elapsed).toBeLessThan(2_000);
    // Replacing the bomb by a flat schema reads only what the two have in common.
    expect(checkCompatibility(exponentialRefSchema(26), { type: 'object', required: ['tree'], properties: { tree: { type: 'string' } } }).changes).toEqual([
      { path: 'tree', change: 'retyped', breaking: true, previous: 'object', next: 'string' },
    ]);
    expect(checkCompatibility(exponentialRefSchema(8), exponentialRefSchema(8)).kind).toBe('none');
    // A union read for its types alone expands as much.
    expect(() => checkCompatibility(exponentialUnionSchema(26), { type: 'object', properties: { value: { type: 'string' } } })).toThrow(ExpansionBudgetExceeded);
  });

  it('compares recursive schemas down to where they recur', () => {
    const previous = selfReferencingSchema();
    expect(checkCompatibility(previous, selfReferencingSchema())).toEqual({ kind: 'none', changes: [] });
    const next = selfReferencingSchema();
    const comment = next.$defs!.comment!;
    comment.properties = { ...comment.properties, text: { type: 'integer' }, editedAt: { type: 'string', format: 'date-time' } };
    expect(checkCompatibility(previous, next).changes).toEqual([
      { path: 'thread.text', change: 'retyped', breaking: true, previous: 'string', next: 'integer' },
      { path: 'thread.editedAt', change: 'added-optional', breaking: false },
    ]);
    expect(checkCompatibility(referenceLoopSchema(), referenceLoopSchema()).kind).toBe('none');
  });
});

describe('asserting a version bump', () => {
  const major = checkCompatibility(shipmentDelayed, withProperties({ delayHours: { type: 'number' }, carrier: { type: 'string', enum: ['UPS'] } }));
  const minor = checkCompatibility(shipmentDelayed, withProperties({ eta: { type: 'string' } }));

  it('refuses a breaking change declared as a minor version, naming the fields', () => {
    expect(() => assertVersionBump('1.0', '1.1', major)).toThrow(IncompatibleVersionError);
    expect(() => assertVersionBump('1.0', '1.1', major)).toThrow(
      'Version 1.1 keeps major version 1 of version 1.0, but the change is breaking: changed the type of "delayHours" from integer to number; ' +
        'narrowed "carrier" from "UPS", "DHL", "FEDEX" to "UPS". Publish it as major version 2, side by side with version 1.',
    );
    expect(() => assertVersionBump(3, 3, major)).toThrow(/major version 4/);
  });

  it('accepts a breaking change as a new major version and an additive one within the major', () => {
    expect(() => assertVersionBump('1.0.0', '2.0.0', major)).not.toThrow();
    expect(() => assertVersionBump('1.0', '1.1', minor)).not.toThrow();
    expect(() => assertVersionBump(1, 1, minor)).not.toThrow();
  });

  it('refuses going back and malformed versions', () => {
    expect(() => assertVersionBump('2.0', '1.9', minor)).toThrow('Version 1.9 is lower than the current version 2.0.');
    expect(() => assertVersionBump('1.0', 'latest', minor)).toThrow(TypeError);
  });
});
