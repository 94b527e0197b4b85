import { describe, expect, it } from 'vitest';
import { fromCloudEvent } from './cloud-events';
import { parseIncomingEvent } from './incoming-event';

const cloudEvent = {
  specversion: '1.0',
  id: '0195f2a4-7c1e-7b3a-9d42-6e8f1a2b3c4d',
  source: '/psa/billing',
  type: 'INVOICE_OVERDUE',
  time: '2026-04-01T00:05:00Z',
  datacontenttype: 'application/json',
  subject: 'invoices/6e8a0c24',
  tenantid: 'tenant-7',
  correlationid: 'collections-run-12',
  causationid: '0195f2a4-0000-7000-8000-000000000001',
  data: { tenantId: 'tenant-7', invoiceId: '6e8a0c24' },
};

describe('CloudEvents 1.0 structured JSON', () => {
  it('maps the attributes and the extension attributes onto the envelope', () => {
    expect(fromCloudEvent(cloudEvent)).toEqual({
      ok: true,
      event: {
        id: cloudEvent.id,
        type: 'INVOICE_OVERDUE',
        version: 1,
        timestamp: '2026-04-01T00:05:00Z',
        source: '/psa/billing',
        tenantId: 'tenant-7',
        correlationId: 'collections-run-12',
        causationId: '0195f2a4-0000-7000-8000-000000000001',
        data: cloudEvent.data,
      },
    });
  });

  it('maps actor, metadata and version extensions', () => {
    const result = fromCloudEvent({
      ...cloudEvent,
      type: 'approval.decision_submitted',
      dataversion: '1.0.0',
      actorid: 'u-1207',
      actortype: 'HUMAN',
      actorrole: 'QA_REVIEWER',
      dataclassification: 'L3',
      regulatory: true,
      auditrequired: true,
    });
    expect(result.ok && result.event).toMatchObject({
      version: 1,
      actor: { id: 'u-1207', type: 'HUMAN', role: 'QA_REVIEWER' },
      metadata: { dataClassification: 'L3', regulatory: true, auditRequired: true },
    });
  });

  it('reads the version from a dataschema that names a payloadSchemaRef', () => {
    const result = fromCloudEvent({ ...cloudEvent, type: 'agent.task_completed', dataschema: 'https://schemas.example/payload.AgentTaskCompleted.v2' });
    expect(result.ok && result.event.version).toBe(2);
  });

  it('derives a stable UUID from source and id when the CloudEvent id is not a UUID', () => {
    const first = fromCloudEvent({ ...cloudEvent, id: 'A234-1234-1234' });
    const again = fromCloudEvent({ ...cloudEvent, id: 'A234-1234-1234' });
    const otherSource = fromCloudEvent({ ...cloudEvent, id: 'A234-1234-1234', source: '/other' });
    expect(first.ok && first.event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.ok && first.event.id).toBe(again.ok && again.event.id);
    expect(first.ok && first.event.id).not.toBe(otherSource.ok && otherSource.event.id);
  });

  it('fills in the time when the CloudEvent has none', () => {
    const { time: _time, ...withoutTime } = cloudEvent;
    const result = fromCloudEvent(withoutTime);
    expect(result.ok && Date.parse(result.event.timestamp)).toBeGreaterThan(0);
  });

  it('points errors at the CloudEvent attribute the producer sent', () => {
    const result = fromCloudEvent({ ...cloudEvent, time: 'yesterday', tenantid: '', actorid: 'u-1', dataversion: 'v2' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.errors.map((error) => error.path).sort()).toEqual(['/actortype', '/dataversion', '/tenantid', '/time']);
  });

  it('refuses other spec versions, non-JSON content and binary data', () => {
    const result = fromCloudEvent({ ...cloudEvent, specversion: '0.3', datacontenttype: 'application/xml', data_base64: 'AAEC' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.errors.map((error) => error.path).sort()).toEqual(['/data_base64', '/datacontenttype', '/specversion']);
  });
});

describe('an incoming event in either form', () => {
  it('reads CloudEvents by their specversion and everything else as the canonical envelope', () => {
    const fromCloud = parseIncomingEvent(cloudEvent);
    const fromEnvelope = parseIncomingEvent({ type: 'INVOICE_OVERDUE', source: '/psa/billing', data: cloudEvent.data });
    expect(fromCloud.ok && fromCloud.event.tenantId).toBe('tenant-7');
    expect(fromEnvelope.ok && fromEnvelope.event.type).toBe('INVOICE_OVERDUE');
  });

  it('refuses a document that is not a JSON object', () => {
    expect(parseIncomingEvent([1, 2])).toEqual({
      ok: false,
      error: {
        kind: 'invalid-envelope',
        message: 'The event envelope is invalid.',
        errors: [{ path: '', message: 'Expected object, received array', expected: 'object', received: 'array' }],
      },
    });
  });
});
