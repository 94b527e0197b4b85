import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { deeplyNestedSchema, exponentialUnionSchema } from '@cascade/catalog/testing';
import { schemaLimits } from '@cascade/catalog';
import { timedHostileRequest } from '@/test/hostile';
import { db } from '@/server/services';
import { eventTypeImpact } from '../event-type-impact';
import { previewEventTypeImpact, registerEventType } from './catalog';
import { createWorkflow, publishWorkflow } from './workflows';

const unique = () => Math.random().toString(36).slice(2, 10);
const shippedSchema = {
  type: 'object',
  required: ['orderId'],
  properties: { orderId: { type: 'string' }, carrier: { type: 'string', enum: ['ups', 'dhl'] }, weight: { type: 'number' } },
};
const withoutCarrier = { ...shippedSchema, properties: { orderId: { type: 'string' }, weight: { type: 'number' } } };

const workflowOn = (type: string, expression: string) => ({
  schemaVersion: 1,
  name: 'On shipping',
  nodes: [
    { id: 'start', type: 'trigger', event: type },
    { id: 'check', type: 'condition', expression },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'check' },
    { id: 'e2', from: 'check', to: 'done', port: 'true' },
    { id: 'e3', from: 'check', to: 'done', port: 'false' },
  ],
});

async function tenantWithShipping() {
  const tenant = await createTenantWithKey(['admin']);
  const type = `acme${unique()}.order.shipped`;
  const registered = await callRoute(registerEventType, { apiKey: tenant.apiKey, body: { type, displayName: 'Order shipped', jsonSchema: shippedSchema } });
  expect(registered.status).toBe(201);
  const create = async (name: string, definition: unknown, publish: boolean) => {
    const created = await callRoute(createWorkflow, { apiKey: tenant.apiKey, body: { name, definition } });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    if (publish) expect((await callRoute(publishWorkflow, { apiKey: tenant.apiKey, params: { id } })).status).toBe(201);
    return id;
  };
  return { ...tenant, type, create };
}

const impact = (apiKey: string, type: string, body: unknown) => callRoute(previewEventTypeImpact, { apiKey, params: { type: encodeURIComponent(type) }, body });

describe('POST /api/v1/catalog/events/{type}/impact', () => {
  it('lists each workflow naming the type with the fields it reads, and what removing a field breaks', async () => {
    const a = await tenantWithShipping();
    const carrier = await a.create(`Carrier ${unique()}`, workflowOn(a.type, 'event.data.carrier = "ups" and event.data.weight > 5'), true);
    const orders = await a.create(`Orders ${unique()}`, workflowOn(a.type, 'event.data.orderId != ""'), false);
    await a.create(`Invoices ${unique()}`, workflowOn('INVOICE_OVERDUE', 'event.data.amountDue > 5'), true);
    // Another tenant's workflow on a type of the same name is none of A's business.
    const b = await createTenantWithKey(['admin']);
    await callRoute(registerEventType, { apiKey: b.apiKey, body: { type: a.type, displayName: 'Theirs', jsonSchema: shippedSchema } });
    await callRoute(createWorkflow, { apiKey: b.apiKey, body: { name: 'Theirs', definition: workflowOn(a.type, 'event.data.carrier = "dhl"') } });

    const response = await impact(a.apiKey, a.type, { jsonSchema: withoutCarrier });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.compatibility).toMatchObject({ comparedWith: 1, kind: 'major', changes: [expect.objectContaining({ path: 'carrier', change: 'removed', breaking: true })] });
    expect(body.workflows.map((w: { id: string }) => w.id).sort()).toEqual([carrier, orders].sort());
    const byId = new Map(body.workflows.map((w: { id: string }) => [w.id, w]));
    expect(byId.get(carrier)).toMatchObject({
      definition: { kind: 'published', version: 1 },
      reads: [
        { nodeId: 'check', field: 'expression', path: 'carrier' },
        { nodeId: 'check', field: 'expression', path: 'weight' },
      ],
      breaks: [expect.objectContaining({ nodeId: 'check', field: 'expression', code: 'unknown-event-field', message: expect.stringContaining('carrier') })],
    });
    expect(byId.get(orders)).toMatchObject({ definition: { kind: 'draft' }, reads: [{ nodeId: 'check', path: 'orderId' }], breaks: [] });
    // A preview changes nothing, so the audit trail does not record it.
    expect(await db().auditEntry.count({ where: { tenantId: a.tenantId, action: 'previewEventTypeImpact' } })).toBe(0);
  });

  it('breaks nothing with an additive change, and names no workflow for a type not registered yet', async () => {
    const a = await tenantWithShipping();
    await a.create(`Carrier ${unique()}`, workflowOn(a.type, 'event.data.carrier = "ups"'), true);
    const additive = { ...shippedSchema, properties: { ...shippedSchema.properties, note: { type: 'string' } } };
    const body = await (await impact(a.apiKey, a.type, { jsonSchema: additive, version: 1 })).json();
    expect(body.compatibility.kind).toBe('minor');
    expect(body.workflows).toHaveLength(1);
    expect(body.workflows[0].breaks).toEqual([]);

    const fresh = await (await impact(a.apiKey, `new${unique()}.thing.happened`, { jsonSchema: shippedSchema })).json();
    expect(fresh).toEqual({ compatibility: null, workflows: [], stoppedEarly: null });
  });

  it('reads the workflows a page at a time, and stops at its time budget saying how far it got', async () => {
    const a = await tenantWithShipping();
    for (const name of ['A', 'B', 'C']) await a.create(`${name} ${unique()}`, workflowOn(a.type, 'event.data.weight > 1'), false);
    const proposal = { type: a.type, jsonSchema: withoutCarrier };

    const paged = await eventTypeImpact(a.tenantId, proposal, { budgetMs: 60_000, readBatch: 2 });
    expect(paged.workflows.map((w) => w.name[0])).toEqual(['A', 'B', 'C']);
    expect(paged.stoppedEarly).toBeNull();

    const cut = await eventTypeImpact(a.tenantId, proposal, { budgetMs: 0, readBatch: 2 });
    expect(cut.workflows).toEqual([]);
    expect(cut.stoppedEarly).toBe('Stopped after 0 workflows naming the type: a preview validates for at most 0 s');
  });

  it('refuses a built-in type, a name that is none, a schema past the limits, no schema, and a key without admin', async () => {
    const a = await tenantWithShipping();
    expect((await impact(a.apiKey, 'INVOICE_OVERDUE', { jsonSchema: shippedSchema })).status).toBe(409);
    const badName = await impact(a.apiKey, 'not a type', { jsonSchema: shippedSchema });
    expect(badName.status).toBe(422);
    expect((await badName.json()).errors[0].path).toBe('/params/type');
    expect((await impact(a.apiKey, a.type, { jsonSchema: deeplyNestedSchema(schemaLimits.maxDepth) })).status).toBe(422);
    // A union that expands past the budget cannot be compared with the registered version: a bounded 422.
    const bomb = await timedHostileRequest('preview a union bomb', () => impact(a.apiKey, a.type, { jsonSchema: exponentialUnionSchema() }));
    expect(bomb.status).toBe(422);
    expect((await impact(a.apiKey, a.type, {})).status).toBe(400);
    const reader = await createTenantWithKey(['workflows:read', 'workflows:write']);
    expect((await impact(reader.apiKey, a.type, { jsonSchema: shippedSchema })).status).toBe(403);
  });
});
