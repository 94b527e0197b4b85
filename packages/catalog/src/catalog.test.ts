import { describe, expect, expectTypeOf, it } from 'vitest';
import { getEventDefinition, isEventType, listEventDefinitions, listEventVersions, type EventType, type PayloadOf } from './catalog';
import { payloadFieldsOf } from './field-list';
import { payloadSchemaRefFor } from './naming';

const definitions = listEventDefinitions();
const cases = definitions.map((definition) => [`${definition.type} v${definition.version}`, definition] as const);

describe('the catalog', () => {
  it('holds 234 event types in 235 definitions (agent.task_completed has two versions)', () => {
    expect(definitions).toHaveLength(235);
    expect(new Set(definitions.map((definition) => definition.type)).size).toBe(234);
  });

  it('has one definition per type and version', () => {
    const keys = definitions.map((definition) => `${definition.type}@${definition.version}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every definition a unique, well-formed payloadSchemaRef derived from type and version', () => {
    const refs = definitions.map((definition) => definition.payloadSchemaRef);
    expect(new Set(refs).size).toBe(refs.length);
    for (const definition of definitions) {
      expect(definition.payloadSchemaRef).toMatch(/^payload\.[A-Z][A-Za-z0-9]*\.v[1-9]\d*$/);
      expect(definition.payloadSchemaRef).toBe(payloadSchemaRefFor(definition.type, definition.version));
    }
  });

  it.each(cases)('%s: its example passes its payload schema', (_name, definition) => {
    const result = definition.payload.safeParse(definition.example);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it.each(cases)('%s: follows the catalog conventions', (_name, definition) => {
    expect(definition.displayName).not.toBe('');
    expect(definition.description).not.toBe('');
    const fields = payloadFieldsOf(definition);
    expect(fields.find((field) => field.path === 'tenantId'), 'tenantId on every payload').toBeDefined();
    for (const field of fields) {
      expect(field.description, `${field.path} has a description`).not.toBe('');
      if (/At$/.test(field.path)) expect(field.format, `${field.path} is an ISO timestamp`).toBe('date-time');
    }
  });
});

describe('looking up definitions', () => {
  it('returns the latest version when none is asked for, and the asked version otherwise', () => {
    expect(getEventDefinition('agent.task_completed').version).toBe(2);
    expect(getEventDefinition('agent.task_completed', 1).payloadSchemaRef).toBe('payload.AgentTaskCompleted.v1');
    expect(getEventDefinition('INVOICE_OVERDUE').payloadSchemaRef).toBe('payload.InvoiceOverdue.v1');
    expect(listEventVersions('agent.task_completed')).toEqual([1, 2]);
  });

  it('answers unknown types and versions with undefined', () => {
    expect(getEventDefinition('INVOICE_EXPLODED')).toBeUndefined();
    expect(getEventDefinition('INVOICE_OVERDUE', 7 as 1)).toBeUndefined();
    expect(listEventVersions('INVOICE_EXPLODED')).toEqual([]);
    expect(isEventType('auth.user.created')).toBe(true);
    expect(isEventType('auth.user.exploded')).toBe(false);
  });

  it('lists definitions ordered by type, then version', () => {
    const keys = definitions.map((definition) => `${definition.type}@${definition.version}`);
    expect(keys).toEqual([...keys].sort());
    expect(keys.slice(0, 2)).toEqual(['APPOINTMENT_ASSIGNED@1', 'APPOINTMENT_CANCELED@1']);
  });
});

describe('types inferred from the catalog', () => {
  it('types the payload of an event, at its latest version by default', () => {
    expectTypeOf<PayloadOf<'INVOICE_OVERDUE'>>().toEqualTypeOf<{
      tenantId: string;
      invoiceId: string;
      clientId: string;
      overdueAt: string;
      dueDate: string;
      amountDue: number;
      currency: string;
      daysOverdue: number;
    }>();
    expectTypeOf<PayloadOf<'agent.task_completed'>>().toHaveProperty('tokenUsage');
    expectTypeOf<PayloadOf<'agent.task_completed', 1>>().toHaveProperty('tokensConsumed');
    expectTypeOf<PayloadOf<'TICKET_SLA_STAGE_BREACHED'>['stage']>().toEqualTypeOf<'response' | 'resolution' | 'custom'>();
  });

  it('keeps types and versions literal', () => {
    expectTypeOf(getEventDefinition('work_order.status_changed').type).toEqualTypeOf<'work_order.status_changed'>();
    expectTypeOf(getEventDefinition('agent.task_completed').version).toEqualTypeOf<2>();
    expectTypeOf<'auth.user.created'>().toExtend<EventType>();
    expectTypeOf<'auth.user.exploded'>().not.toExtend<EventType>();
  });
});
