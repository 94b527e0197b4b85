import { describe, expect, it } from 'vitest';
import { getEventDefinition } from './catalog';
import { listPayloadFields, payloadFieldsOf } from './field-list';

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
