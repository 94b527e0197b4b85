import { describe, expect, it } from 'vitest';
import { getEventDefinition } from './catalog';
import { expandPayloadFields, listPayloadFields, payloadFieldsOf } from './field-list';
import { schemaLimits } from './schema-limits';
import { deeplyNestedSchema, exponentialRefSchema, exponentialUnionSchema, referenceLoopSchema, selfReferencingSchema } from './testing/hostile-schemas';

describe('the flat field list of a payload', () => {
  it('recurses into arrays of objects (PAYMENT_APPLIED)', () => {
    expect(payloadFieldsOf(getEventDefinition('PAYMENT_APPLIED'))).toEqual([
      { path: 'tenantId', type: 'string', description: 'Tenant the event belongs to', optional: false, nullable: false },
      { path: 'paymentId', type: 'string', description: 'Payment that was applied', optional: false, nullable: false },
      { path: 'appliedAt', type: 'string', format: 'date-time', description: 'When the payment was applied', optional: false, nullable: false },
      { path: 'appliedByUserId', type: 'string', description: 'Staff user who applied the payment', optional: false, nullable: false },
      { path: 'applications', type: 'array', itemType: 'object', description: 'How the payment was split across invoices', optional: false, nullable: false },
      { path: 'applications[].invoiceId', type: 'string', description: 'Invoice the payment was applied to', optional: false, nullable: false },
      {
        path: 'applications[].amountApplied',
        type: 'integer',
        description: 'Amount applied to this invoice, in minor units of the currency (e.g. cents)',
        optional: false,
        nullable: false,
      },
    ]);
  });

  it('recurses into objects, marks nullable fields and keeps enum values (work orders)', () => {
    const fields = payloadFieldsOf(getEventDefinition('compliance.audit_trail_integrity_check'));
    expect(fields.find((field) => field.path === 'scope')).toMatchObject({ type: 'string', enum: ['FULL', 'INCREMENTAL'] });
    expect(fields.find((field) => field.path === 'brokenLinks[].expectedHash')).toMatchObject({ type: 'string', optional: false });
    const closed = payloadFieldsOf(getEventDefinition('work_order.closed'));
    expect(closed.find((field) => field.path === 'complianceSummary.capaRequired')).toMatchObject({ type: 'boolean', optional: false });
    const created = payloadFieldsOf(getEventDefinition('work_order.created'));
    expect(created.find((field) => field.path === 'assetId')).toMatchObject({ type: 'string', nullable: true, optional: false });
    expect(created.find((field) => field.path === 'dependsOn')).toMatchObject({ type: 'array', itemType: 'string' });
  });

  it('walks the values of a map through `*` and carries optionality down to children', () => {
    const fields = payloadFieldsOf(getEventDefinition('TICKET_UPDATED'));
    expect(fields.find((field) => field.path === 'changes')).toMatchObject({ type: 'object', optional: true });
    expect(fields.find((field) => field.path === 'changes.*.previous')).toMatchObject({ type: 'unknown', optional: true });
  });

  it('reads tenant-registered JSON Schemas too', () => {
    expect(
      listPayloadFields({
        type: 'object',
        properties: { stops: { type: 'array', items: { type: 'object', properties: { city: { type: 'string', description: 'City' } } } } },
      }),
    ).toEqual([
      { path: 'stops', type: 'array', itemType: 'object', description: '', optional: true, nullable: false },
      { path: 'stops[].city', type: 'string', description: 'City', optional: true, nullable: false },
    ]);
  });
});

describe('the field list of a hostile schema', () => {
  it('stops a schema whose $refs expand exponentially at the node budget, fast', () => {
    const started = performance.now();
    const { fields, stoppedAt } = expandPayloadFields(exponentialRefSchema(26));
    const elapsed = performance.now() - started;
    console.info(`field list of the 26-$defs bomb: ${fields.length} fields in ${elapsed.toFixed(0)} ms`);
    // Unbounded, it lists 2^27 - 2 fields: 8.9 s and 730 MB of heap at 20 $defs, out of memory at 26.
    expect(fields.length).toBeLessThanOrEqual(schemaLimits.maxExpandedNodes);
    expect(elapsed).toBeLessThan(2_000);
    expect(stoppedAt).toEqual({ limit: 'maxExpandedNodes', path: expect.stringMatching(/^tree\.(left|right)/) });
    expect(fields.slice(0, 3).map((field) => field.path)).toEqual(['tree', 'tree.left', 'tree.left.left']);
  });

  it('stops reading a union whose branches expand exponentially at the node budget', () => {
    const started = performance.now();
    expect(expandPayloadFields(exponentialUnionSchema(26))).toEqual({ fields: [], stoppedAt: { limit: 'maxExpandedNodes', path: '(root)' } });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(listPayloadFields(exponentialUnionSchema(8))).toEqual([{ path: 'value', type: 'string', description: '', optional: true, nullable: false }]);
  });

  it('lists a recursive field once, with its type, and does not descend into it', () => {
    const { fields, stoppedAt } = expandPayloadFields(selfReferencingSchema());
    expect(stoppedAt).toBeUndefined();
    expect(fields.map(({ path, type, itemType }) => ({ path, type, ...(itemType ? { itemType } : {}) }))).toEqual([
      { path: 'thread', type: 'object' },
      { path: 'thread.text', type: 'string' },
      { path: 'thread.author', type: 'object' },
      { path: 'thread.author.name', type: 'string' },
      { path: 'thread.author.manager', type: 'object' },
      { path: 'thread.replies', type: 'array', itemType: 'object' },
      { path: 'thread.parent', type: 'object' },
    ]);
    expect(fields.find((field) => field.path === 'thread.parent')).toMatchObject({ nullable: true, description: 'A comment' });
  });

  it('reads references that only point at each other as any value', () => {
    expect(listPayloadFields(referenceLoopSchema())).toEqual([
      { path: 'mystery', type: 'unknown', description: '', optional: true, nullable: false },
      { path: 'either', type: 'integer|string', description: '', optional: true, nullable: false },
    ]);
  });

  it(`stops descending below ${schemaLimits.maxFieldDepth} levels of nested fields`, () => {
    const { fields, stoppedAt } = expandPayloadFields(deeplyNestedSchema(1_000));
    expect(fields).toHaveLength(schemaLimits.maxFieldDepth);
    expect(stoppedAt).toEqual({ limit: 'maxFieldDepth', path: Array(schemaLimits.maxFieldDepth).fill('a').join('.') });
  });

  it('reads boolean schemas as any value', () => {
    expect(listPayloadFields({ type: 'object', properties: { anything: true as never, items: { type: 'array', items: true as never } } })).toEqual([
      { path: 'anything', type: 'unknown', description: '', optional: true, nullable: false },
      { path: 'items', type: 'array', itemType: 'unknown', description: '', optional: true, nullable: false },
    ]);
  });
});
