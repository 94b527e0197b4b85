import { describe, expect, it } from 'vitest';
import { getEventDefinition } from './catalog';
import { parseEventEnvelope } from './envelope';
import { validateEventData, validatePayload } from './validate-payload';

const paymentApplied = getEventDefinition('PAYMENT_APPLIED').example;

describe('validating a payload against the catalog', () => {
  it('returns the parsed payload and its definition', () => {
    const result = validatePayload('PAYMENT_APPLIED', 1, paymentApplied);
    expect(result.ok && result.data).toEqual(paymentApplied);
    expect(result.ok && result.definition.payloadSchemaRef).toBe('payload.PaymentApplied.v1');
  });

  it('reports each problem with its JSON path into the event, the expectation and what was sent', () => {
    const result = validatePayload('PAYMENT_APPLIED', 1, {
      ...paymentApplied,
      appliedAt: '2026-03-20',
      applications: [{ invoiceId: 'inv-1', amountApplied: 12.5 }, { amountApplied: '40' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok || result.error.kind !== 'invalid-payload') throw new Error('expected invalid-payload');
    expect(result.error.message).toBe('The data of PAYMENT_APPLIED v1 does not match its schema (4 errors).');
    expect(result.error.errors).toEqual([
      {
        path: '/data/appliedAt',
        message: 'Expected ISO 8601 date-time with offset, e.g. 2026-03-02T08:14:05Z, received "2026-03-20"',
        expected: 'ISO 8601 date-time with offset, e.g. 2026-03-02T08:14:05Z',
        received: '"2026-03-20"',
      },
      { path: '/data/applications/0/amountApplied', message: 'Expected integer, received number 12.5', expected: 'integer', received: 'number 12.5' },
      { path: '/data/applications/1/invoiceId', message: 'Required field is missing', expected: 'string' },
      { path: '/data/applications/1/amountApplied', message: 'Expected number, received "40"', expected: 'number', received: '"40"' },
    ]);
  });

  it('explains enum and pattern failures in the words of the field', () => {
    const example = getEventDefinition('TICKET_SLA_STAGE_BREACHED').example;
    const sla = validatePayload('TICKET_SLA_STAGE_BREACHED', 1, { ...example, stage: 'breakfast' });
    expect(!sla.ok && sla.error.kind === 'invalid-payload' && sla.error.errors).toEqual([
      {
        path: '/data/stage',
        message: 'Expected one of "response", "resolution", "custom", received "breakfast"',
        expected: 'one of "response", "resolution", "custom"',
        received: '"breakfast"',
      },
    ]);
    const overdue = validatePayload('INVOICE_OVERDUE', 1, { ...getEventDefinition('INVOICE_OVERDUE').example, currency: 'usd' });
    expect(!overdue.ok && overdue.error.kind === 'invalid-payload' && overdue.error.errors[0]).toMatchObject({
      path: '/data/currency',
      message: 'Expected a three-letter ISO 4217 currency code such as USD',
    });
  });

  it('reports an unknown type as its own kind, so tenant-registered types can be tried next', () => {
    expect(validatePayload('INVOICE_EXPLODED', 1, {})).toEqual({
      ok: false,
      error: { kind: 'unknown-event-type', type: 'INVOICE_EXPLODED', message: 'Unknown event type "INVOICE_EXPLODED".' },
    });
  });

  it('reports a version the type does not have, with the versions it has', () => {
    const result = validatePayload('agent.task_completed', 3, {});
    expect(!result.ok && result.error).toMatchObject({ kind: 'unknown-event-version', availableVersions: [1, 2] });
  });

  it('validates each coexisting version against its own schema', () => {
    const v1 = getEventDefinition('agent.task_completed', 1).example;
    expect(validatePayload('agent.task_completed', 1, v1).ok).toBe(true);
    const asV2 = validatePayload('agent.task_completed', 2, v1);
    expect(!asV2.ok && asV2.error.kind === 'invalid-payload' && asV2.error.errors.map((error) => error.path)).toEqual(['/data/tokenUsage']);
  });
});

describe('validating the payload of an envelope', () => {
  const envelope = (tenantId: string) => {
    const parsed = parseEventEnvelope({ type: 'PAYMENT_APPLIED', source: 'psa', tenantId, data: paymentApplied });
    if (!parsed.ok) throw new Error('envelope should parse');
    return parsed.event;
  };

  it('accepts a payload of the envelope tenant', () => {
    expect(validateEventData(envelope(paymentApplied.tenantId)).ok).toBe(true);
  });

  it('refuses a payload that names another tenant than the envelope', () => {
    const result = validateEventData(envelope('someone-else'));
    expect(!result.ok && result.error.kind === 'invalid-payload' && result.error.errors[0]?.path).toBe('/data/tenantId');
  });
});
