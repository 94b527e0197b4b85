import { schemaLimits, type JsonSchema } from '@cascade/catalog';
import { deeplyNestedSchema, exponentialRefSchema, exponentialUnionSchema, oversizedSchema, selfReferencingSchema } from '@cascade/catalog/testing';
import { describe, expect, it } from 'vitest';
import { eventCatalogFor } from '@/app/workflows/_server/workflow-pages';
import { db } from '@/server/services';
import { callRoute, createTenantWithKey } from '@/test/api';
import { timedHostileRequest } from '@/test/hostile';
import { putRemoteAction } from './actions';
import { getCatalogEvent, listCatalogEvents, registerEventType } from './catalog';
import { createWorkflow, publishWorkflow } from './workflows';

type Problem = { detail: string; errors: Array<{ path: string; message: string; expected?: string }> };

const eventType = (jsonSchema: JsonSchema, type = 'acme.schema.bomb') => ({ type, displayName: 'Hostile', jsonSchema });

const remoteAction = (outputSchema: JsonSchema) => ({
  label: 'Hostile output',
  inputSchema: { type: 'object' },
  outputSchema,
  endpoint: 'https://hostile.example.com/act',
});

describe('registering hostile schemas', () => {
  it('refuses the 26-$defs bomb as an event type and as a remote action output, naming the node budget', async () => {
    const { apiKey } = await createTenantWithKey(['admin']);
    const asEvent = await timedHostileRequest('register the bomb as an event type', () => callRoute(registerEventType, { apiKey, body: eventType(exponentialRefSchema(26)) }));
    expect(asEvent.status).toBe(422);
    expect(((await asEvent.json()) as Problem).errors).toEqual([
      expect.objectContaining({ path: '/jsonSchema', message: expect.stringContaining(`expands to more than ${schemaLimits.maxExpandedNodes} nodes`) }),
    ]);

    const asOutput = await timedHostileRequest('register the bomb as an action output', () =>
      callRoute(putRemoteAction, { apiKey, params: { actionId: 'acme.explode' }, body: remoteAction(exponentialRefSchema(26)) }),
    );
    expect(asOutput.status).toBe(422);
    expect(((await asOutput.json()) as Problem).errors).toEqual([
      expect.objectContaining({ path: '/body/outputSchema', expected: expect.stringContaining('schemaLimits.maxExpandedNodes') }),
    ]);
  });

  it('refuses schemas past the size and nesting limits with 422, naming the limit and where', async () => {
    const { apiKey } = await createTenantWithKey(['admin']);
    const large = await callRoute(registerEventType, { apiKey, body: eventType(oversizedSchema(schemaLimits.maxBytes + 1_000)) });
    expect(large.status).toBe(422);
    expect(((await large.json()) as Problem).errors).toEqual([
      expect.objectContaining({ path: '/jsonSchema', expected: `at most ${schemaLimits.maxBytes} bytes (schemaLimits.maxBytes)` }),
    ]);

    const deep = await callRoute(putRemoteAction, { apiKey, params: { actionId: 'acme.deep' }, body: remoteAction(deeplyNestedSchema(schemaLimits.maxDepth)) });
    expect(deep.status).toBe(422);
    const [problem] = ((await deep.json()) as Problem).errors;
    expect(problem).toMatchObject({ path: `/body/outputSchema${'/properties/a'.repeat(schemaLimits.maxDepth / 2)}`, expected: expect.stringContaining('schemaLimits.maxDepth') });
  });

  it('accepts a recursive schema, whose field list names the recursive fields once', async () => {
    const { apiKey } = await createTenantWithKey(['admin']);
    const created = await callRoute(registerEventType, { apiKey, body: eventType(selfReferencingSchema(), 'acme.comment.posted') });
    expect(created.status).toBe(201);
    const { versionDetails } = await created.json();
    // jsonb stores an object's keys shortest first, so the order of siblings is not the registered one.
    expect(versionDetails[0].fields.map((field: { path: string }) => field.path).sort()).toEqual([
      'thread',
      'thread.author',
      'thread.author.manager',
      'thread.author.name',
      'thread.parent',
      'thread.replies',
      'thread.text',
    ]);
    expect((await callRoute(putRemoteAction, { apiKey, params: { actionId: 'acme.thread' }, body: remoteAction(selfReferencingSchema()) })).status).toBe(201);
  });
});

describe('a tenant whose schemas were stored before the limits existed', () => {
  it('answers every catalog read, designer field list and publish quickly, never 500', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['admin']);
    const bomb = exponentialRefSchema(26);
    const common = { tenantId, displayName: 'Bomb', description: '', category: 'Custom' };
    await db().eventType.create({ data: { ...common, type: 'acme.schema.bomb', version: 1, jsonSchema: bomb as object } });
    await db().eventType.create({ data: { ...common, type: 'acme.comment.posted', version: 1, jsonSchema: selfReferencingSchema() as object } });
    await db().eventType.create({ data: { ...common, type: 'acme.union.bomb', version: 1, jsonSchema: exponentialUnionSchema(26) as object } });
    await db().remoteAction.create({
      data: { tenantId, actionId: 'acme.explode', version: 1, label: 'Explode', description: '', category: 'Custom', inputSchema: { type: 'object' }, outputSchema: bomb as object, idempotent: true, endpoint: 'https://hostile.example.com/act' },
    });

    expect((await timedHostileRequest('list the catalog', () => callRoute(listCatalogEvents, { apiKey }))).status).toBe(200);
    expect((await timedHostileRequest('search the catalog by field', () => callRoute(listCatalogEvents, { apiKey, query: 'q=right' }))).status).toBe(200);
    const detail = await timedHostileRequest('get the bomb type', () => callRoute(getCatalogEvent, { apiKey, params: { type: 'acme.schema.bomb' } }));
    expect(detail.status).toBe(200);
    const { versionDetails } = await detail.json();
    expect(versionDetails[0].fields.length).toBeLessThanOrEqual(schemaLimits.maxExpandedNodes);
    expect((await timedHostileRequest('get the recursive type', () => callRoute(getCatalogEvent, { apiKey, params: { type: 'acme.comment.posted' } }))).status).toBe(200);

    const started = performance.now();
    const { customEvents } = await eventCatalogFor(tenantId);
    const fieldLists = customEvents.flatMap((event) => event.versions.map((version) => version.fields));
    console.info(`designer field lists of the tenant: ${fieldLists.map((fields) => fields.length).join(' + ')} fields in ${(performance.now() - started).toFixed(0)} ms`);
    expect(fieldLists.every((fields) => fields.length <= schemaLimits.maxExpandedNodes)).toBe(true);

    const definition = {
      schemaVersion: 1,
      name: 'Defuse',
      nodes: [
        { id: 'start', type: 'trigger', event: 'acme.schema.bomb', filter: 'event.data.tree.left.left != null' },
        { id: 'explode', type: 'action', action: 'acme.explode', input: {} },
        { id: 'note', type: 'action', action: 'core.log', input: { message: { $expr: '$string(steps.explode.output.tree.left)' } } },
        { id: 'echo', type: 'emit', event: 'acme.schema.bomb', data: { tree: { $expr: 'event.data.tree' } } },
        { id: 'done', type: 'end' },
      ],
      edges: [
        { id: 'e1', from: 'start', to: 'explode' },
        { id: 'e2', from: 'explode', to: 'note' },
        { id: 'e3', from: 'note', to: 'echo' },
        { id: 'e4', from: 'echo', to: 'done' },
      ],
    };
    const { id } = await (await callRoute(createWorkflow, { apiKey, body: { name: 'Defuse', definition } })).json();
    expect((await timedHostileRequest('publish a workflow using the bomb', () => callRoute(publishWorkflow, { apiKey, params: { id } }))).status).toBe(201);

    // Changing a stored bomb in place is compared with it: within the budget a breaking change is a
    // 409 as usual; a union that expands past it cannot be compared (422), and the next version is the way out.
    const flat = { type: 'object', required: ['tree'], properties: { tree: { type: 'object', properties: { left: { type: 'string' } } } } };
    expect((await timedHostileRequest('change the bomb in place', () => callRoute(registerEventType, { apiKey, body: eventType(flat) }))).status).toBe(409);
    const union = (jsonSchema: JsonSchema, version = 1) => ({ ...eventType(jsonSchema, 'acme.union.bomb'), version });
    const inPlace = await timedHostileRequest('change the union bomb in place', () => callRoute(registerEventType, { apiKey, body: union({ type: 'object', properties: { value: { type: 'string' } } }) }));
    expect(inPlace.status).toBe(422);
    expect(((await inPlace.json()) as Problem).detail).toContain('register the change as the next version');
    expect((await callRoute(registerEventType, { apiKey, body: union({ type: 'object' }, 2) })).status).toBe(201);
  });
});
