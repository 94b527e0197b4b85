import { schemaLimits } from '@cascade/catalog';
import { exponentialRefSchema, oversizedSchema } from '@cascade/catalog/testing';
import { MAX_TEMPLATE_DEPTH } from '@cascade/workflow';
import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { timedHostileRequest } from '@/test/hostile';
import { db } from '@/server/services';
import { definition, operatorKey, parameterSchema, scopes, template, unique, type Problem } from '@/test/templates';
import { createApiKey } from './api-keys';
import { getTemplate, instantiateTemplateRoute, listTemplates, registerTemplateRoute } from './templates';

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
    // Past PostgreSQL's integer: once a 500 from the database, now refused as the query it is.
    const huge = await callRoute(getTemplate, { apiKey, params: { key: body.key }, query: 'version=93305110044' });
    expect(huge.status).toBe(400);
    expect((await huge.json()).errors).toEqual([expect.objectContaining({ path: '/query/version' })]);
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
    const own = (await (await callRoute(listTemplates, { apiKey })).json()).items.filter((t: { visibility: string }) => t.visibility === 'tenant');
    expect(own).toEqual([]);
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

  it('keeps the gallery’s pickers on parameters, and refuses one it does not have, or one on a value that is no string, with 422 at its path', async () => {
    const { apiKey } = await createTenantWithKey([...scopes]);
    const withPickers = {
      ...parameterSchema,
      properties: {
        ...parameterSchema.properties,
        eventType: { ...parameterSchema.properties.eventType, 'x-picker': 'event-type' },
        owners: { type: 'array', items: { type: 'string', 'x-picker': 'user' } },
        token: { type: 'string', 'x-picker': 'secret' },
      },
    };
    const registered = await callRoute(registerTemplateRoute, { apiKey, body: template({ parameterSchema: withPickers }) });
    expect(registered.status).toBe(201);
    expect((await registered.json()).parameterSchema.properties.owners).toEqual({ type: 'array', items: { type: 'string', 'x-picker': 'user' } });

    const typo = { ...withPickers, properties: { ...withPickers.properties, token: { type: 'string', 'x-picker': 'secret-name' } } };
    const refused = await callRoute(registerTemplateRoute, { apiKey, body: template({ parameterSchema: typo }) });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as Problem).errors).toEqual([
      expect.objectContaining({ path: '/body/parameterSchema/properties/token/x-picker', expected: 'one of "event-type", "user", "secret"', received: '"secret-name"' }),
    ]);

    const onNumber = { ...withPickers, properties: { ...withPickers.properties, days: { type: 'integer', 'x-picker': 'user' } } };
    const notString = await callRoute(registerTemplateRoute, { apiKey, body: template({ parameterSchema: onNumber }) });
    expect(notString.status).toBe(422);
    expect(((await notString.json()) as Problem).errors).toEqual([
      expect.objectContaining({ path: '/body/parameterSchema/properties/days/type', message: 'A user picker chooses a string', expected: '"string"' }),
    ]);
  });
});

describe('hostile templates', () => {
  it('refuses a parameter schema bomb, an oversized schema and a deeply nested definition with 422', async () => {
    const { apiKey } = await createTenantWithKey([...scopes]);
    const bomb = await timedHostileRequest('register a 26-$defs bomb as a parameter schema', () =>
      callRoute(registerTemplateRoute, { apiKey, body: template({ parameterSchema: exponentialRefSchema(26) }) }),
    );
    expect(bomb.status).toBe(422);
    expect(((await bomb.json()) as Problem).errors).toEqual([
      expect.objectContaining({ path: '/body/parameterSchema', expected: expect.stringContaining('schemaLimits.maxExpandedNodes') }),
    ]);

    const large = await timedHostileRequest('register an oversized parameter schema', () =>
      callRoute(registerTemplateRoute, { apiKey, body: template({ parameterSchema: oversizedSchema(schemaLimits.maxBytes + 1_000) }) }),
    );
    expect(large.status).toBe(422);
    expect(((await large.json()) as Problem).errors).toEqual([expect.objectContaining({ expected: expect.stringContaining('schemaLimits.maxBytes') })]);

    // Written as text: JSON.stringify itself overflows the stack on such a value.
    // Past MAX_TEMPLATE_DEPTH, within MAX_JSON_DEPTH: the template's own limit answers, naming it.
    const levels = 300;
    const nodes = [definition.nodes[0], { ...definition.nodes[1], input: { message: 'DEEP' } }, definition.nodes[2]];
    const rawBody = JSON.stringify(template({ definition: { ...definition, nodes } })).replace('"DEEP"', `${'['.repeat(levels)}{"$param":"message"}${']'.repeat(levels)}`);
    const nested = await timedHostileRequest('register a definition nested 300 levels deep', () =>
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
    // Global templates of other tests are listed too; this test's carry a tag of their own.
    const run = `run-${unique()}`;
    const register = async (body: Record<string, unknown>) => expect((await callRoute(registerTemplateRoute, { apiKey, body: template(body) })).status).toBe(201);
    await register({ key: 'billing-overdue', category: 'Billing', tags: [run, 'invoices', 'finance'] });
    await register({ key: 'billing-dunning', category: 'Billing', tags: [run, 'finance'], description: 'Sends dunning letters' });
    await register({ key: 'sla-breach', category: 'Service desk', tags: [run, 'sla'], definition: literalEvent });

    const keys = async (query: string) => (await (await callRoute(listTemplates, { apiKey, query: `tag=${run}&${query}` })).json()).items.map((t: { key: string }) => t.key);
    expect(await keys('')).toEqual(['billing-dunning', 'billing-overdue', 'sla-breach']);
    expect(await keys('category=Billing')).toEqual(['billing-dunning', 'billing-overdue']);
    expect(await keys('event=TICKET_SLA_STAGE_BREACHED')).toEqual(['sla-breach']);
    expect(await keys('q=DUNNING')).toEqual(['billing-dunning']);
    expect(await keys('category=Service%20desk')).toEqual(['sla-breach']);
    const byTag = (await (await callRoute(listTemplates, { apiKey, query: 'tag=invoices' })).json()).items.filter((t: { visibility: string }) => t.visibility === 'tenant');
    expect(byTag.map((t: { key: string }) => t.key)).toEqual(['billing-overdue']);

    // A NUL in a filter once reached PostgreSQL and was answered 500.
    const nul = await callRoute(listTemplates, { apiKey, query: 'event=%C3%9E%00x' });
    expect(nul.status).toBe(400);
    expect((await nul.json()).errors).toEqual([expect.objectContaining({ path: '/query/event' })]);
    const first = await (await callRoute(listTemplates, { apiKey, query: `tag=${run}&limit=2` })).json();
    expect(first.items).toHaveLength(2);
    const second = await (await callRoute(listTemplates, { apiKey, query: `tag=${run}&limit=2&cursor=${first.nextCursor}` })).json();
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

