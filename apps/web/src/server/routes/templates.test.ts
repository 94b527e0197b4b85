import { schemaLimits } from '@cascade/catalog';
import { exponentialRefSchema, oversizedSchema } from '@cascade/catalog/testing';
import { mintOperatorApiKey } from '@cascade/db';
import { MAX_TEMPLATE_DEPTH } from '@cascade/workflow';
import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { db } from '@/server/services';
import { getTemplate, instantiateTemplateRoute, listTemplates, registerTemplateRoute } from './templates';
import { getWorkflow } from './workflows';

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
