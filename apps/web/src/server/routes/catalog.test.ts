import { describe, expect, it, vi } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { publishEvents } from './events';
import { getCatalogEvent, listCatalogEvents, registerEventType } from './catalog';

const shipped = {
  type: 'acme.order.shipped',
  displayName: 'Order shipped',
  category: 'Orders',
  jsonSchema: {
    type: 'object',
    required: ['orderId'],
    properties: { orderId: { type: 'string', description: 'Order' }, carrier: { type: 'string', enum: ['ups', 'dhl'] } },
  },
  example: { orderId: 'o-1', carrier: 'ups' },
};

describe('catalog API', () => {
  it('lists built-in events by category and text, with versions and schema refs', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read']);
    const tickets = await (await callRoute(listCatalogEvents, { apiKey, query: 'category=Tickets&q=sla' })).json();
    const types = tickets.items.map((i: { type: string }) => i.type);
    expect(types).toContain('TICKET_SLA_STAGE_BREACHED');
    expect(tickets.items.every((i: { category: string }) => i.category === 'Tickets')).toBe(true);
    const breached = tickets.items.find((i: { type: string }) => i.type === 'TICKET_SLA_STAGE_BREACHED');
    expect(breached).toMatchObject({ latestVersion: 1, payloadSchemaRef: 'payload.TicketSlaStageBreached.v1', custom: false });
  });

  it('details an event type with JSON Schema, fields and example', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read']);
    const response = await callRoute(getCatalogEvent, { apiKey, params: { type: 'TICKET_SLA_STAGE_BREACHED' } });
    expect(response.status).toBe(200);
    const detail = await response.json();
    const [v1] = detail.versionDetails;
    expect(v1.jsonSchema.type).toBe('object');
    expect(v1.fields).toContainEqual(expect.objectContaining({ path: 'stage', enum: ['response', 'resolution', 'custom'], optional: false }));
    expect(v1.example).toMatchObject({ stage: 'resolution' });
    expect((await callRoute(getCatalogEvent, { apiKey, params: { type: 'NOPE' } })).status).toBe(404);
  });

  it('registers a tenant event type that ingestion then validates, visible to that tenant only', async () => {
    const a = await createTenantWithKey(['admin']);
    const b = await createTenantWithKey(['admin']);
    const created = await callRoute(registerEventType, { apiKey: a.apiKey, body: shipped });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ type: 'acme.order.shipped', custom: true, latestVersion: 1 });

    const bad = await callRoute(publishEvents, { apiKey: a.apiKey, body: { type: 'acme.order.shipped', source: 'acme', data: { carrier: 'fedex' } } });
    expect(bad.status).toBe(422);
    const good = await callRoute(publishEvents, { apiKey: a.apiKey, body: { type: 'acme.order.shipped', source: 'acme', data: { orderId: 'o-9' } } });
    expect(good.status).toBe(202);

    expect((await callRoute(getCatalogEvent, { apiKey: b.apiKey, params: { type: 'acme.order.shipped' } })).status).toBe(404);
    const publishedByB = await callRoute(publishEvents, { apiKey: b.apiKey, body: { type: 'acme.order.shipped', source: 'acme', data: { orderId: 'o' } } });
    expect(publishedByB.status).toBe(422);
  });

  it('refuses built-in names, bad schemas, examples that do not match, and skipped versions', async () => {
    const { apiKey } = await createTenantWithKey(['admin']);
    expect((await callRoute(registerEventType, { apiKey, body: { ...shipped, type: 'INVOICE_OVERDUE' } })).status).toBe(409);
    const badExample = await callRoute(registerEventType, { apiKey, body: { ...shipped, example: { carrier: 'ups' } } });
    expect(badExample.status).toBe(422);
    expect((await badExample.json()).errors[0].path).toBe('/example/orderId');
    const notObject = await callRoute(registerEventType, { apiKey, body: { ...shipped, jsonSchema: { type: 'string' } } });
    expect(notObject.status).toBe(422);
    expect((await callRoute(registerEventType, { apiKey, body: { ...shipped, version: 3 } })).status).toBe(409);
  });

  it('accepts an additive change in place and sends a breaking one to the next version', async () => {
    const { apiKey } = await createTenantWithKey(['admin']);
    await callRoute(registerEventType, { apiKey, body: shipped });
    const additive = {
      ...shipped,
      jsonSchema: { ...shipped.jsonSchema, properties: { ...shipped.jsonSchema.properties, weightKg: { type: 'number' } } },
    };
    expect((await callRoute(registerEventType, { apiKey, body: additive })).status).toBe(201);

    const breaking = { ...shipped, jsonSchema: { type: 'object', required: ['orderId'], properties: { orderId: { type: 'integer' } } }, example: { orderId: 1 } };
    const refused = await callRoute(registerEventType, { apiKey, body: breaking });
    expect(refused.status).toBe(409);
    const problem = await refused.json();
    expect(problem.detail).toContain('register it as version 2');
    expect(problem.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(/orderId/);

    const v2 = await callRoute(registerEventType, { apiKey, body: { ...breaking, version: 2 } });
    expect(v2.status).toBe(201);
    expect((await v2.json()).versions).toEqual([1, 2]);
  });
});

describe('tenant schemas, hostile or clashing', () => {
  const withId = {
    ...shipped,
    type: 'acme.parcel.weighed',
    jsonSchema: { $id: 'https://acme.example/parcel.json', ...shipped.jsonSchema },
  };
  const publish = (apiKey: string, data: Record<string, unknown>) =>
    callRoute(publishEvents, { apiKey, body: { type: withId.type, source: 'acme', data } });

  it('takes a schema with $id from two tenants, and again after the refresh and a re-registration, without a 500', async () => {
    const [a, b] = [await createTenantWithKey(['admin']), await createTenantWithKey(['admin'])];
    for (const { apiKey } of [a, b]) {
      expect((await callRoute(registerEventType, { apiKey, body: withId })).status).toBe(201);
      expect((await publish(apiKey, { orderId: 'o-1' })).status).toBe(202);
    }
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 11_000); // past the registry's refresh
      expect((await publish(a.apiKey, { orderId: 'o-2' })).status).toBe(202);
      const additive = { ...withId, jsonSchema: { ...withId.jsonSchema, properties: { ...withId.jsonSchema.properties, weightKg: { type: 'number' } } } };
      expect((await callRoute(registerEventType, { apiKey: b.apiKey, body: additive })).status).toBe(201);
      vi.setSystemTime(Date.now() + 11_000);
      expect((await publish(b.apiKey, { orderId: 'o-3', weightKg: 2 })).status).toBe(202);
      expect((await publish(b.apiKey, { orderId: 'o-4', weightKg: 'heavy' })).status).toBe(422);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each(['^(\\w|a)*$', '^(a|a)*$'])('registers `pattern: %s` and checks a 30-character near miss in well under a second', async (pattern) => {
    const { apiKey } = await createTenantWithKey(['admin']);
    const body = { ...shipped, type: 'acme.code.scanned', jsonSchema: { type: 'object', properties: { code: { type: 'string', pattern } } }, example: { code: 'aaa' } };
    expect((await callRoute(registerEventType, { apiKey, body })).status).toBe(201);
    const started = performance.now();
    const refused = await callRoute(publishEvents, { apiKey, body: { type: body.type, source: 'acme', data: { code: `${'a'.repeat(29)}!` } } });
    const ms = performance.now() - started;
    console.log(`POST /api/v1/events with pattern ${pattern} against 30 characters: ${ms.toFixed(0)} ms`);
    expect(refused.status).toBe(422);
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a pattern with lookaround (422, naming it), since patterns run on a linear-time engine', async () => {
    const { apiKey } = await createTenantWithKey(['admin']);
    const jsonSchema = { type: 'object', properties: { code: { type: 'string', pattern: '^(?!tmp-).+' } }, patternProperties: { '(a)\\1': {} } };
    const refused = await callRoute(registerEventType, { apiKey, body: { ...shipped, jsonSchema, example: undefined } });
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors.map((e: { path: string }) => e.path)).toEqual(['/jsonSchema/patternProperties/(a)\\1', '/jsonSchema/properties/code/pattern']);
  });
});
