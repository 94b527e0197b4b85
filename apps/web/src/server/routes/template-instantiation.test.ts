import { DEFINITION_LIMITS, MAX_TEMPLATE_DEPTH } from '@cascade/workflow';
import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { db } from '@/server/services';
import { definition, scopes, template, type Problem } from '@/test/templates';
import { instantiateTemplateRoute, registerTemplateRoute } from './templates';
import { createWorkflow as createWorkflowRoute, getWorkflow, listWorkflows } from './workflows';

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

    // A value nested past a template parameter's depth (deeper than MAX_JSON_DEPTH, every body is refused with 400).
    const levels = 400;
    const rawBody = JSON.stringify({ parameters: { threshold: 1, message: 'DEEP' }, publish: true }).replace('"DEEP"', `${'['.repeat(levels)}${']'.repeat(levels)}`);
    const started = performance.now();
    const deep = await callRoute(instantiateTemplateRoute, { apiKey, params: { key }, rawBody, headers: { 'content-type': 'application/json' } });
    console.info(`instantiate with a parameter nested ${levels} levels deep: ${deep.status} in ${(performance.now() - started).toFixed(0)} ms`);
    expect(deep.status).toBe(422);
    expect(((await deep.json()) as Problem).errors).toEqual([expect.objectContaining({ path: expect.stringMatching(/^\/body\/parameters\/message\/0\/0/), expected: `at most ${MAX_TEMPLATE_DEPTH} levels` })]);
    expect(await db().workflow.count({ where: { tenantId } })).toBe(0);
  });

  it('refuses parameters that would multiply into a definition past the size limit, before making it', async () => {
    const { apiKey, tenantId } = await createTenantWithKey([...scopes]);
    // One parameter referenced 200 times: a 10 KB value would become 2 MB of definition.
    const fields = Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`copy${index}`, { $param: 'message' }]));
    const nodes = [definition.nodes[0], { ...definition.nodes[1], input: { message: { $param: 'message' }, fields } }, definition.nodes[2]];
    const body = template({ definition: { ...definition, nodes } });
    expect((await callRoute(registerTemplateRoute, { apiKey, body })).status).toBe(201);

    const started = performance.now();
    const response = await callRoute(instantiateTemplateRoute, { apiKey, params: { key: body.key }, body: { parameters: { threshold: 1, message: 'x'.repeat(10_000) } } });
    console.info(`instantiate with a 10 KB value referenced 201 times: ${response.status} in ${(performance.now() - started).toFixed(0)} ms`);
    expect(response.status).toBe(422);
    expect(((await response.json()) as Problem).errors).toEqual([
      expect.objectContaining({ path: '/body/parameters/message', expected: `values that keep the definition within ${DEFINITION_LIMITS.bytes} bytes` }),
    ]);
    expect(await db().workflow.count({ where: { tenantId } })).toBe(0);
    expect((await callRoute(instantiateTemplateRoute, { apiKey, params: { key: body.key }, body: { parameters: { threshold: 1, message: 'short' } } })).status).toBe(201);
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
