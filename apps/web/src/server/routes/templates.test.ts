import { schemaLimits } from '@cascade/catalog';
import { exponentialRefSchema, oversizedSchema } from '@cascade/catalog/testing';
import { mintOperatorApiKey } from '@cascade/db';
import { MAX_TEMPLATE_DEPTH } from '@cascade/workflow';
import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { db } from '@/server/services';
import { createApiKey } from './api-keys';
import { getTemplate, instantiateTemplateRoute, listTemplates, registerTemplateRoute } from './templates';
import { createWorkflow as createWorkflowRoute, getWorkflow, listWorkflows } from './workflows';

type Problem = { detail: string; errors: Array<{ path: string; message: string; expected?: string; nodeId?: string; code?: string }> };

const scopes = ['templates:write', 'workflows:read', 'workflows:write'] as const;

const parameterSchema = {
  type: 'object',
  required: ['threshold'],
  properties: {
    eventType: { type: 'string', examples: ['INVOICE_OVERDUE'], default: 'INVOICE_OVERDUE' },
    threshold: { type: 'integer', minimum: 1, examples: [30] },
    message: { type: 'string', minLength: 1, default: 'An invoice is overdue' },
  },
};

const definition = {
  schemaVersion: 1,
  name: 'Log overdue invoices',
  variables: { threshold: { $param: 'threshold' } },
  nodes: [
    { id: 'start', type: 'trigger', event: { $param: 'eventType' } },
    { id: 'note', type: 'action', action: 'core.log', input: { message: { $param: 'message' }, fields: { threshold: { $param: 'threshold' } } } },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'note' },
    { id: 'e2', from: 'note', to: 'done' },
  ],
};

const unique = () => Math.random().toString(36).slice(2, 10);
const template = (overrides: Record<string, unknown> = {}) => ({
  key: `overdue-${unique()}`,
  name: 'Overdue invoices',
  description: 'Logs every overdue invoice past a threshold',
  category: 'Billing',
  tags: ['invoices'],
  parameterSchema,
  definition,
  ...overrides,
});

async function operatorKey(tenantId: string) {
  const { slug } = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
  return (await mintOperatorApiKey(db(), { tenant: slug, name: 'Platform', scopes: [...scopes], platformOperator: true })).key;
}

describe('registering templates', () => {
  it('creates version 1, answers an unchanged re-registration 200 with it, and a changed one 201 with version 2', async () => {
    const { apiKey } = await createTenantWithKey([...scopes]);
    const body = template();
    const first = await callRoute(registerTemplateRoute, { apiKey, body });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ key: body.key, visibility: 'tenant', latestVersion: 1, version: 1, triggerEvent: null, definition });

    // The same content with its keys in another order is the same content.
    const reordered = { ...body, parameterSchema: { properties: parameterSchema.properties, required: ['threshold'], type: 'object' } };
    const again = await callRoute(registerTemplateRoute, { apiKey, body: reordered });
    expect(again.status).toBe(200);
    expect((await again.json()).versions).toHaveLength(1);

    const changed = await callRoute(registerTemplateRoute, { apiKey, body: { ...body, description: 'Now with a longer description' } });
    expect(changed.status).toBe(201);
    expect(await changed.json()).toMatchObject({ latestVersion: 2, version: 2, description: 'Now with a longer description' });

    const read = await (await callRoute(getTemplate, { apiKey, params: { key: body.key } })).json();
    expect(read.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const old = await (await callRoute(getTemplate, { apiKey, params: { key: body.key }, query: 'version=1' })).json();
    expect(old).toMatchObject({ version: 1, parameterSchema, definition });
    expect((await callRoute(getTemplate, { apiKey, params: { key: body.key }, query: 'version=3' })).status).toBe(404);
  });

  it('registers one template and version when replicas register the same content at once, global or not', async () => {
    const { apiKey, tenantId } = await createTenantWithKey([...scopes]);
    const operator = await operatorKey(tenantId);
    for (const [key, body] of [[apiKey, template()], [operator, template({ visibility: 'global' })]] as const) {
      const statuses = await Promise.all([1, 2, 3, 4, 5].map(async () => (await callRoute(registerTemplateRoute, { apiKey: key, body })).status));
      expect(statuses.sort()).toEqual([200, 200, 200, 200, 201]);
      expect(await db().template.count({ where: { key: body.key } })).toBe(1);
    }
  });

  it('refuses a reference to an undeclared parameter with 422 naming its path in the definition', async () => {
    const { apiKey } = await createTenantWithKey([...scopes]);
    const nodes = [definition.nodes[0], { ...definition.nodes[1], input: { message: { $param: 'mesage' } } }, definition.nodes[2]];
    const response = await callRoute(registerTemplateRoute, { apiKey, body: template({ definition: { ...definition, nodes } }) });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Problem).errors).toEqual([
      expect.objectContaining({ path: '/body/definition/nodes/1/input/message', nodeId: 'note', message: expect.stringContaining('"mesage"'), expected: expect.stringContaining('"message"') }),
    ]);
  });

  it('validates the definition with each parameter standing as a value of its type, example or default', async () => {
    const { apiKey } = await createTenantWithKey([...scopes]);
    // No example or default: the event type stands as "x", which the catalog does not have.
    const untyped = { ...parameterSchema, properties: { ...parameterSchema.properties, eventType: { type: 'string' } } };
    const unknownEvent = await callRoute(registerTemplateRoute, { apiKey, body: template({ parameterSchema: untyped }) });
    expect(unknownEvent.status).toBe(422);
    expect(((await unknownEvent.json()) as Problem).errors).toEqual([
      expect.objectContaining({ path: '/body/definition/nodes/start/event', code: 'unknown-event', message: expect.stringContaining('eventType = "x"') }),
    ]);

    // A number where core.log wants a string message.
    const numeric = { ...parameterSchema, properties: { ...parameterSchema.properties, message: { type: 'integer' } } };
    const wrongType = await callRoute(registerTemplateRoute, { apiKey, body: template({ parameterSchema: numeric }) });
    expect(wrongType.status).toBe(422);
    expect(((await wrongType.json()) as Problem).errors).toEqual([
      expect.objectContaining({ path: '/body/definition/nodes/note/input.message', code: 'invalid-mapping', nodeId: 'note' }),
    ]);
    expect((await (await callRoute(listTemplates, { apiKey })).json()).items).toEqual([]);
  });

  it('refuses a parameter schema that is not an object schema or does not compile', async () => {
    const { apiKey } = await createTenantWithKey([...scopes]);
    const notObject = await callRoute(registerTemplateRoute, { apiKey, body: template({ parameterSchema: { type: 'string' } }) });
    expect(notObject.status).toBe(422);
    expect(((await notObject.json()) as Problem).errors).toEqual([expect.objectContaining({ path: '/body/parameterSchema/type' })]);
    const broken = await callRoute(registerTemplateRoute, { apiKey, body: template({ parameterSchema: { type: 'object', properties: { a: { type: 'strnig' } } } }) });
    expect(broken.status).toBe(422);
    expect(((await broken.json()) as Problem).errors[0]!.path).toMatch(/^\/body\/parameterSchema\/properties\/a/);
  });
});

describe('hostile templates', () => {
  /** Runs a request, prints how long it took and the heap, and asserts a bound the unbounded walks miss by minutes. */
  async function timed(what: string, request: () => Promise<Response>): Promise<Response> {
    const started = performance.now();
    const response = await request();
    const elapsed = performance.now() - started;
    console.info(`${what}: ${response.status} in ${elapsed.toFixed(0)} ms, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
    expect(elapsed).toBeLessThan(5_000);
    return response;
  }

  it('refuses a parameter schema bomb, an oversized schema and a deeply nested definition with 422', async () => {
    const { apiKey } = await createTenantWithKey([...scopes]);
    const bomb = await timed('register a 26-$defs bomb as a parameter schema', () =>
      callRoute(registerTemplateRoute, { apiKey, body: template({ parameterSchema: exponentialRefSchema(26) }) }),
    );
    expect(bomb.status).toBe(422);
    expect(((await bomb.json()) as Problem).errors).toEqual([
      expect.objectContaining({ path: '/body/parameterSchema', expected: expect.stringContaining('schemaLimits.maxExpandedNodes') }),
    ]);

    const large = await timed('register an oversized parameter schema', () =>
      callRoute(registerTemplateRoute, { apiKey, body: template({ parameterSchema: oversizedSchema(schemaLimits.maxBytes + 1_000) }) }),
    );
    expect(large.status).toBe(422);
    expect(((await large.json()) as Problem).errors).toEqual([expect.objectContaining({ expected: expect.stringContaining('schemaLimits.maxBytes') })]);

    // Written as text: JSON.stringify itself overflows the stack on such a value.
    const levels = 100_000;
    const nodes = [definition.nodes[0], { ...definition.nodes[1], input: { message: 'DEEP' } }, definition.nodes[2]];
    const rawBody = JSON.stringify(template({ definition: { ...definition, nodes } })).replace('"DEEP"', `${'['.repeat(levels)}{"$param":"message"}${']'.repeat(levels)}`);
    const nested = await timed('register a definition nested 100,000 levels deep', () =>
      callRoute(registerTemplateRoute, { apiKey, rawBody, headers: { 'content-type': 'application/json' } }),
    );
    expect(nested.status).toBe(422);
    expect(((await nested.json()) as Problem).errors).toEqual([expect.objectContaining({ expected: `at most ${MAX_TEMPLATE_DEPTH} levels` })]);
  });
});

describe('listing templates', () => {
  it('filters by category, trigger event, tag and text, a page at a time', async () => {
    const { apiKey } = await createTenantWithKey([...scopes]);
    const literalEvent = { ...definition, nodes: [{ id: 'start', type: 'trigger', event: 'TICKET_SLA_STAGE_BREACHED' }, ...definition.nodes.slice(1)] };
    const register = async (body: Record<string, unknown>) => expect((await callRoute(registerTemplateRoute, { apiKey, body: template(body) })).status).toBe(201);
    await register({ key: 'billing-overdue', category: 'Billing', tags: ['invoices', 'finance'] });
    await register({ key: 'billing-dunning', category: 'Billing', tags: ['finance'], description: 'Sends dunning letters' });
    await register({ key: 'sla-breach', category: 'Service desk', tags: ['sla'], definition: literalEvent });

    const keys = async (query?: string) => (await (await callRoute(listTemplates, { apiKey, query })).json()).items.map((t: { key: string }) => t.key);
    expect(await keys()).toEqual(['billing-dunning', 'billing-overdue', 'sla-breach']);
    expect(await keys('category=Billing')).toEqual(['billing-dunning', 'billing-overdue']);
    expect(await keys('event=TICKET_SLA_STAGE_BREACHED')).toEqual(['sla-breach']);
    expect(await keys('tag=invoices')).toEqual(['billing-overdue']);
    expect(await keys('q=DUNNING')).toEqual(['billing-dunning']);
    expect(await keys('category=Billing&tag=sla')).toEqual([]);

    const first = await (await callRoute(listTemplates, { apiKey, query: 'limit=2' })).json();
    expect(first.items).toHaveLength(2);
    const second = await (await callRoute(listTemplates, { apiKey, query: `limit=2&cursor=${first.nextCursor}` })).json();
    expect(second).toMatchObject({ items: [{ key: 'sla-breach', triggerEvent: 'TICKET_SLA_STAGE_BREACHED' }], nextCursor: null });
    expect((await callRoute(listTemplates, { apiKey, query: 'cursor=nonsense' })).status).toBe(400);
  });
});

describe('global and private templates', () => {
  it('shows a tenant its own templates and the global ones, never another tenant’s', async () => {
    const a = await createTenantWithKey([...scopes]);
    const b = await createTenantWithKey([...scopes]);
    const privateToA = template();
    expect((await callRoute(registerTemplateRoute, { apiKey: a.apiKey, body: privateToA })).status).toBe(201);

    const seenBy = async (apiKey: string) => (await (await callRoute(listTemplates, { apiKey, query: 'limit=200' })).json()).items.map((t: { key: string }) => t.key);
    expect(await seenBy(a.apiKey)).toContain(privateToA.key);
    expect(await seenBy(b.apiKey)).not.toContain(privateToA.key);
    expect((await callRoute(getTemplate, { apiKey: b.apiKey, params: { key: privateToA.key } })).status).toBe(404);
    const stolen = await callRoute(instantiateTemplateRoute, { apiKey: b.apiKey, params: { key: privateToA.key }, body: { parameters: { threshold: 5 } } });
    expect(stolen.status).toBe(404);
    // B may use the same key for its own template: keys are per tenant.
    expect((await callRoute(registerTemplateRoute, { apiKey: b.apiKey, body: { ...privateToA, name: 'B’s own' } })).status).toBe(201);
    expect((await (await callRoute(getTemplate, { apiKey: a.apiKey, params: { key: privateToA.key } })).json()).name).toBe('Overdue invoices');
  });

  it('lets only a platform operator’s key register a global template, which every tenant sees and instantiates', async () => {
    const a = await createTenantWithKey([...scopes]);
    const b = await createTenantWithKey([...scopes]);
    const global = template({ visibility: 'global' });
    const refused = await callRoute(registerTemplateRoute, { apiKey: a.apiKey, body: global });
    expect(refused.status).toBe(403);

    // A tenant admin cannot make itself an operator: the API does not take the flag.
    const admin = await createTenantWithKey(['admin']);
    const minted = await (await callRoute(createApiKey, { apiKey: admin.apiKey, body: { name: 'sly', scopes: ['templates:write'], platformOperator: true } })).json();
    expect(minted.platformOperator).toBe(false);
    expect((await callRoute(registerTemplateRoute, { apiKey: minted.key, body: global })).status).toBe(403);

    const operator = await operatorKey(a.tenantId);
    const registered = await callRoute(registerTemplateRoute, { apiKey: operator, body: global });
    expect(registered.status).toBe(201);
    expect(await registered.json()).toMatchObject({ visibility: 'global' });
    expect((await callRoute(registerTemplateRoute, { apiKey: operator, body: global })).status).toBe(200);

    expect(await (await callRoute(getTemplate, { apiKey: b.apiKey, params: { key: global.key } })).json()).toMatchObject({ visibility: 'global', latestVersion: 1 });
    const instantiated = await callRoute(instantiateTemplateRoute, { apiKey: b.apiKey, params: { key: global.key }, body: { parameters: { threshold: 3 } } });
    expect(instantiated.status).toBe(201);
    expect((await db().workflow.findUniqueOrThrow({ where: { id: (await instantiated.json()).id } })).tenantId).toBe(b.tenantId);

    // A tenant's template may not take the key of a global one.
    const shadow = await callRoute(registerTemplateRoute, { apiKey: b.apiKey, body: { ...global, visibility: 'tenant' } });
    expect(shadow.status).toBe(409);
  });

  it('checks a global template against the built-in catalog only, not the operator tenant’s own event types', async () => {
    const { tenantId } = await createTenantWithKey([...scopes]);
    const operator = await operatorKey(tenantId);
    await db().eventType.create({
      data: { tenantId, type: 'acme.order.shipped', version: 1, displayName: 'Shipped', description: '', category: 'Custom', jsonSchema: { type: 'object' } },
    });
    const custom = { ...definition, nodes: [{ id: 'start', type: 'trigger', event: 'acme.order.shipped' }, ...definition.nodes.slice(1)] };
    expect((await callRoute(registerTemplateRoute, { apiKey: operator, body: template({ definition: custom }) })).status).toBe(201);
    const global = await callRoute(registerTemplateRoute, { apiKey: operator, body: template({ definition: custom, visibility: 'global' }) });
    expect(global.status).toBe(422);
    expect(((await global.json()) as Problem).errors).toEqual([expect.objectContaining({ code: 'unknown-event', path: '/body/definition/nodes/start/event' })]);
  });
});

describe('instantiating templates', () => {
  async function registered(apiKey: string) {
    const body = template();
    expect((await callRoute(registerTemplateRoute, { apiKey, body })).status).toBe(201);
    return body.key;
  }

  it('creates a draft with the parameters in place, recording the template key, version and parameters', async () => {
    const { apiKey } = await createTenantWithKey([...scopes]);
    const key = await registered(apiKey);
    const response = await callRoute(instantiateTemplateRoute, { apiKey, params: { key }, body: { parameters: { threshold: 45 }, name: 'Overdue at 45 days' } });
    expect(response.status).toBe(201);
    const workflow = await response.json();
    expect(workflow).toMatchObject({
      name: 'Overdue at 45 days',
      latestVersion: null,
      template: { key, version: 1, parameters: { threshold: 45, eventType: 'INVOICE_OVERDUE', message: 'An invoice is overdue' } },
    });
    expect(workflow.draft).toMatchObject({
      variables: { threshold: 45 },
      nodes: [{ id: 'start', event: 'INVOICE_OVERDUE' }, { id: 'note', input: { message: 'An invoice is overdue', fields: { threshold: 45 } } }, { id: 'done' }],
    });
    expect(await (await callRoute(getWorkflow, { apiKey, params: { id: workflow.id } })).json()).toMatchObject({ template: { key, version: 1 } });
  });

  it('publishes on request through the publish path, so the trigger exists at once', async () => {
    const { apiKey, tenantId } = await createTenantWithKey([...scopes]);
    const key = await registered(apiKey);
    const response = await callRoute(instantiateTemplateRoute, {
      apiKey,
      params: { key },
      body: { parameters: { threshold: 10, eventType: 'TICKET_SLA_STAGE_BREACHED' }, publish: true },
    });
    expect(response.status).toBe(201);
    const workflow = await response.json();
    expect(workflow).toMatchObject({ name: 'Overdue invoices', latestVersion: 1, template: { key, version: 1 } });
    expect(await db().trigger.findUniqueOrThrow({ where: { workflowId: workflow.id } })).toMatchObject({ tenantId, eventType: 'TICKET_SLA_STAGE_BREACHED', enabled: true });
    const version = await db().workflowVersion.findFirstOrThrow({ where: { workflowId: workflow.id } });
    expect(version).toMatchObject({ version: 1, definition: { nodes: [{ id: 'start', event: 'TICKET_SLA_STAGE_BREACHED' }, { id: 'note' }, { id: 'done' }] } });
  });

  it('answers bad parameters with 422 naming each parameter and what was expected, creating nothing', async () => {
    const { apiKey, tenantId } = await createTenantWithKey([...scopes]);
    const key = await registered(apiKey);
    const response = await callRoute(instantiateTemplateRoute, { apiKey, params: { key }, body: { parameters: { threshold: 'soon', message: '' }, publish: true } });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as Problem;
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/body/parameters/threshold', expected: 'integer' }),
        expect.objectContaining({ path: '/body/parameters/message' }),
      ]),
    );
    const missing = await callRoute(instantiateTemplateRoute, { apiKey, params: { key }, body: { parameters: {} } });
    expect(((await missing.json()) as Problem).errors).toEqual([expect.objectContaining({ path: '/body/parameters/threshold', expected: 'a value' })]);

    // Valid parameters that make an unpublishable workflow: nothing is created either.
    const unpublishable = await callRoute(instantiateTemplateRoute, { apiKey, params: { key }, body: { parameters: { threshold: 1, eventType: 'NO_SUCH_EVENT' }, publish: true } });
    expect(unpublishable.status).toBe(422);
    expect(((await unpublishable.json()) as Problem).errors).toEqual([expect.objectContaining({ path: '/nodes/start/event', code: 'unknown-event' })]);

    // A value nested past any definition's depth, which the validator's and storage's recursive walks could not take.
    const levels = 100_000;
    const rawBody = JSON.stringify({ parameters: { threshold: 1, message: 'DEEP' }, publish: true }).replace('"DEEP"', `${'['.repeat(levels)}${']'.repeat(levels)}`);
    const started = performance.now();
    const deep = await callRoute(instantiateTemplateRoute, { apiKey, params: { key }, rawBody, headers: { 'content-type': 'application/json' } });
    console.info(`instantiate with a parameter nested ${levels} levels deep: ${deep.status} in ${(performance.now() - started).toFixed(0)} ms`);
    expect(deep.status).toBe(422);
    expect(((await deep.json()) as Problem).errors).toEqual([expect.objectContaining({ path: expect.stringMatching(/^\/body\/parameters\/message\/0\/0/), expected: `at most ${MAX_TEMPLATE_DEPTH} levels` })]);
    expect(await db().workflow.count({ where: { tenantId } })).toBe(0);
  });

  it('answers 409 when the workflow name is taken, and 404 for an unknown template or version', async () => {
    const { apiKey } = await createTenantWithKey([...scopes]);
    const key = await registered(apiKey);
    const body = { parameters: { threshold: 2 } };
    expect((await callRoute(instantiateTemplateRoute, { apiKey, params: { key }, body })).status).toBe(201);
    expect((await callRoute(instantiateTemplateRoute, { apiKey, params: { key }, body })).status).toBe(409);
    expect((await callRoute(instantiateTemplateRoute, { apiKey, params: { key }, body: { ...body, version: 2 } })).status).toBe(404);
    expect((await callRoute(instantiateTemplateRoute, { apiKey, params: { key: 'no-such-template' }, body })).status).toBe(404);
  });
});

describe('workflows behind their template', () => {
  it('lists with outdatedTemplate=true the workflows whose template has a newer version', async () => {
    const { apiKey } = await createTenantWithKey([...scopes]);
    const body = template();
    await callRoute(registerTemplateRoute, { apiKey, body });
    const instantiate = async (name: string) =>
      (await (await callRoute(instantiateTemplateRoute, { apiKey, params: { key: body.key }, body: { name, parameters: { threshold: 1 } } })).json()).id as string;
    const old = await instantiate('From version 1');
    await callRoute(createWorkflowRoute, { apiKey, body: { name: 'Drawn by hand', definition: { schemaVersion: 1, name: 'x', nodes: [], edges: [] } } });
    expect((await (await callRoute(listWorkflows, { apiKey, query: 'outdatedTemplate=true' })).json()).items).toEqual([]);

    await callRoute(registerTemplateRoute, { apiKey, body: { ...body, description: 'Version 2' } });
    const current = await instantiate('From version 2');
    const outdated = await (await callRoute(listWorkflows, { apiKey, query: 'outdatedTemplate=true' })).json();
    expect(outdated.items.map((w: { id: string }) => w.id)).toEqual([old]);
    expect(outdated.items[0].template).toMatchObject({ key: body.key, version: 1, latestVersion: 2, outdated: true });
    expect(await (await callRoute(getWorkflow, { apiKey, params: { id: current } })).json()).toMatchObject({ template: { version: 2, outdated: false } });
    expect((await (await callRoute(listWorkflows, { apiKey })).json()).items).toHaveLength(3);
  });
});
