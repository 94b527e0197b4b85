import { describe, expect, it } from 'vitest';
import { parseEventEnvelope } from './envelope';

const invoiceOverdue = {
  type: 'INVOICE_OVERDUE',
  source: 'psa',
  data: { tenantId: 't1', invoiceId: 'inv-1' },
};

describe('the canonical event envelope', () => {
  it('fills in a UUIDv7 id, version 1 and the current time when the producer leaves them out', () => {
    const before = Date.now();
    const result = parseEventEnvelope(invoiceOverdue);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(result.event.version).toBe(1);
    expect(Date.parse(result.event.timestamp)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(result.event.timestamp)).toBeLessThanOrEqual(Date.now());
  });

  it('gives every event its own id', () => {
    const ids = new Set(Array.from({ length: 20 }, () => {
      const result = parseEventEnvelope(invoiceOverdue);
      return result.ok ? result.event.id : '';
    }));
    expect(ids.size).toBe(20);
  });

  it('keeps what the producer sent, and reads "1.0"-style versions as their major', () => {
    const event = {
      id: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
      type: 'work_order.status_changed',
      version: '2.1.0',
      timestamp: '2026-03-10T07:02:00+01:00',
      source: 'wo-api',
      tenantId: 'acme',
      correlationId: 'req-9',
      causationId: 'cmd-4',
      actor: { id: 'u-3381', type: 'HUMAN', role: 'TECHNICIAN' },
      data: { workOrderId: 'wo-1' },
      metadata: { dataClassification: 'L3', regulatory: true, auditRequired: true },
    };
    const result = parseEventEnvelope(event);
    expect(result).toEqual({ ok: true, event: { ...event, version: 2 } });
  });

  it('accepts every naming style of the catalog as type', () => {
    for (const type of ['INVOICE_OVERDUE', 'work_order.status_changed', 'auth.user.created']) {
      expect(parseEventEnvelope({ ...invoiceOverdue, type }).ok).toBe(true);
    }
  });

  it('refuses a bad envelope with one precise error per problem', () => {
    const result = parseEventEnvelope({
      id: 'not-a-uuid',
      type: 'invoice overdue',
      version: 0,
      timestamp: '2026-03-10 07:02',
      actor: { id: 'u-1', type: 'ROBOT' },
      data: [],
      metadata: { dataClassification: 'L9' },
      correlationID: 'typo',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('invalid-envelope');
    const byPath = Object.fromEntries(result.error.errors.map((error) => [error.path, error]));
    expect(Object.keys(byPath).sort()).toEqual(
      ['/actor/type', '/correlationID', '/data', '/id', '/metadata/dataClassification', '/source', '/timestamp', '/type', '/version'].sort(),
    );
    expect(byPath['/id']).toMatchObject({ expected: 'UUID', received: '"not-a-uuid"' });
    expect(byPath['/source']).toEqual({ path: '/source', message: 'Required field is missing', expected: 'string' });
    expect(byPath['/timestamp']?.expected).toContain('ISO 8601 date-time');
    expect(byPath['/actor/type']).toMatchObject({ expected: 'one of "HUMAN", "AGENT", "SYSTEM"', received: '"ROBOT"' });
    expect(byPath['/data']).toMatchObject({ message: 'Expected object, received array' });
    expect(byPath['/correlationID']).toMatchObject({ message: 'Unknown field' });
    expect(byPath['/type']?.message).toContain('SCREAMING_SNAKE_CASE');
    expect(byPath['/version']).toMatchObject({ message: 'Expected number of more than 0, received number 0' });
    const wrongVersion = parseEventEnvelope({ ...invoiceOverdue, version: 'v2' });
    expect(!wrongVersion.ok && wrongVersion.error.errors[0]?.message).toBe('Expected a positive integer or a version string such as "1.0.0"');
  });
});
