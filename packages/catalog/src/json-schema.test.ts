import { describe, expect, it } from 'vitest';
import { getEventDefinition, listEventDefinitions } from './catalog';
import { payloadJsonSchema } from './json-schema';

describe('payload JSON Schemas', () => {
  it('describes a nested event in draft 2020-12', () => {
    const schema = payloadJsonSchema(getEventDefinition('PAYMENT_APPLIED'));
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Payment Applied',
      description: 'Payment applied to invoices.',
      type: 'object',
      required: ['tenantId', 'paymentId', 'appliedAt', 'appliedByUserId', 'applications'],
      properties: {
        appliedAt: { type: 'string', format: 'date-time' },
        applications: {
          type: 'array',
          minItems: 1,
          description: 'How the payment was split across invoices',
          items: {
            type: 'object',
            required: ['invoiceId', 'amountApplied'],
            properties: { invoiceId: { type: 'string', minLength: 1 }, amountApplied: { type: 'integer', minimum: 0 } },
          },
        },
      },
    });
  });

  it('leaves optional fields out of required and writes nullable ones as such', () => {
    const blocked = payloadJsonSchema(getEventDefinition('work_order.blocked'));
    expect(blocked.required).toContain('estimatedUnblockDate');
    expect(blocked.properties?.estimatedUnblockDate).toMatchObject({
      description: 'Expected day the block clears; null when unknown',
      anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }],
    });
    expect(payloadJsonSchema(getEventDefinition('TICKET_STATUS_CHANGED')).required).not.toContain('reason');
  });

  it('can be generated for every definition', () => {
    for (const definition of listEventDefinitions()) expect(payloadJsonSchema(definition).type).toBe('object');
  });
});
