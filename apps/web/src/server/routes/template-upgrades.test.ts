import { MAX_TEMPLATE_DEPTH } from '@cascade/workflow';
import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { db } from '@/server/services';
import { definition, parameterSchema, scopes, template, type Problem } from '@/test/templates';
import { previewTemplateUpgradeRoute, upgradeTemplateRoute } from './template-upgrades';
import { instantiateTemplateRoute, registerTemplateRoute } from './templates';
import { createWorkflow, getWorkflow, listWorkflowVersions, publishWorkflow, saveWorkflow } from './workflows';

/** Version 2 of the fixture template: a new required `channel`, `message` dropped, a delay before the end. */
const version2 = {
  parameterSchema: {
    type: 'object',
    required: ['threshold', 'channel'],
    properties: { eventType: parameterSchema.properties.eventType, threshold: parameterSchema.properties.threshold, channel: { type: 'string', minLength: 1 } },
  },
  definition: {
    ...definition,
    nodes: [
      definition.nodes[0],
      { id: 'note', type: 'action', action: 'core.log', input: { message: 'Overdue', fields: { threshold: { $param: 'threshold' }, channel: { $param: 'channel' } } } },
      { id: 'pause', type: 'delay', duration: 'PT1H' },
      definition.nodes[2],
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'note' },
      { id: 'e2', from: 'note', to: 'pause' },
      { id: 'e3', from: 'pause', to: 'done' },
    ],
  },
};

/** A tenant with a workflow made from version 1 of a template, published, and the template's version 2 registered. */
async function outdatedWorkflow() {
  const { apiKey, tenantId } = await createTenantWithKey([...scopes]);
  const body = template();
  expect((await callRoute(registerTemplateRoute, { apiKey, body })).status).toBe(201);
  const made = await callRoute(instantiateTemplateRoute, { apiKey, params: { key: body.key }, body: { parameters: { threshold: 45 }, name: 'Overdue at 45', publish: true } });
  expect(made.status).toBe(201);
  const workflow = (await made.json()) as { id: string; draft: Record<string, unknown> };
  expect((await callRoute(registerTemplateRoute, { apiKey, body: { ...body, ...version2 } })).status).toBe(201);
  return { apiKey, tenantId, key: body.key, workflow };
}

const preview = async (apiKey: string, id: string, query?: string) => callRoute(previewTemplateUpgradeRoute, { apiKey, params: { id }, ...(query ? { query } : {}) });
const upgrade = async (apiKey: string, id: string, body: unknown) => callRoute(upgradeTemplateRoute, { apiKey, params: { id }, body });

describe('upgrading a workflow to a newer template version', () => {
  it('previews the node-level diff, the parameters added and removed, and the new required ones lacking a value', async () => {
    const { apiKey, key, workflow } = await outdatedWorkflow();
    const response = await preview(apiKey, workflow.id);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      template: { key, name: 'Overdue invoices' },
      currentVersion: 1,
      targetVersion: 2,
      latestVersion: 2,
      draftEdited: false,
      parameters: {
        added: [{ name: 'channel', required: true, schema: { type: 'string', minLength: 1 } }],
        removed: ['message'],
        missing: [{ name: 'channel', required: true }],
        problems: [expect.objectContaining({ path: '/body/parameters/channel', expected: 'a value' })],
      },
    });
    expect(body.diff.nodes).toEqual({
      added: [{ id: 'pause', type: 'delay' }],
      removed: [],
      changed: [
        {
          id: 'note',
          type: 'action',
          fields: [
            { path: '/input/fields/channel', after: { $param: 'channel' } },
            { path: '/input/message', before: 'An invoice is overdue', after: 'Overdue' },
          ],
        },
      ],
    });
    expect(body.diff.edges).toEqual({
      added: [
        { from: 'note', to: 'pause', port: 'next' },
        { from: 'pause', to: 'done', port: 'next' },
      ],
      removed: [{ from: 'note', to: 'done', port: 'next' }],
    });
    expect(body.diff.trigger).toBeNull();
  });

  it('replaces the draft with the new version made with the same parameters plus the new ones; published versions stay', async () => {
    const { apiKey, workflow } = await outdatedWorkflow();
    const publishedBefore = await db().workflowVersion.findMany({ where: { workflowId: workflow.id } });
    const triggerBefore = await db().trigger.findUniqueOrThrow({ where: { workflowId: workflow.id } });

    const response = await upgrade(apiKey, workflow.id, { version: 2, parameters: { channel: '#billing' } });
    expect(response.status).toBe(200);
    const upgraded = await response.json();
    expect(upgraded).toMatchObject({
      latestVersion: 1,
      template: { version: 2, latestVersion: 2, outdated: false, parameters: { threshold: 45, eventType: 'INVOICE_OVERDUE', channel: '#billing' } },
    });
    expect(upgraded.template.parameters).not.toHaveProperty('message');
    expect(upgraded.draft).toMatchObject({
      name: workflow.draft.name,
      nodes: [{ id: 'start', event: 'INVOICE_OVERDUE' }, { id: 'note', input: { message: 'Overdue', fields: { threshold: 45, channel: '#billing' } } }, { id: 'pause' }, { id: 'done' }],
    });
    // Runs execute published versions; the upgrade publishes nothing and changes no version or trigger.
    expect(await db().workflowVersion.findMany({ where: { workflowId: workflow.id } })).toEqual(publishedBefore);
    expect(await db().trigger.findUniqueOrThrow({ where: { workflowId: workflow.id } })).toEqual(triggerBefore);
    expect((await (await callRoute(listWorkflowVersions, { apiKey, params: { id: workflow.id } })).json()).items).toHaveLength(1);
    // The new draft publishes as version 2 of the workflow.
    expect((await callRoute(publishWorkflow, { apiKey, params: { id: workflow.id } })).status).toBe(201);

    expect((await upgrade(apiKey, workflow.id, {})).status).toBe(409);
    expect((await preview(apiKey, workflow.id)).status).toBe(409);
  });

  it('answers a missing or bad parameter with 422 naming it, and changes nothing', async () => {
    const { apiKey, workflow } = await outdatedWorkflow();
    const stored = async () => db().workflow.findUniqueOrThrow({ where: { id: workflow.id }, select: { draft: true, templateVersion: true, templateParameters: true, updatedAt: true } });
    const before = await stored();

    const missing = await upgrade(apiKey, workflow.id, {});
    expect(missing.status).toBe(422);
    expect(((await missing.clone().json()) as Problem).detail).toMatch(/nothing was changed$/);
    expect(((await missing.json()) as Problem).errors).toEqual([expect.objectContaining({ path: '/body/parameters/channel', expected: 'a value' })]);

    const wrong = await upgrade(apiKey, workflow.id, { parameters: { channel: 5, threshold: 0 } });
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as Problem).errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/body/parameters/channel', expected: 'string' }),
        expect.objectContaining({ path: '/body/parameters/threshold' }),
      ]),
    );

    const rawBody = JSON.stringify({ parameters: { channel: 'DEEP' } }).replace('"DEEP"', `${'['.repeat(400)}${']'.repeat(400)}`);
    const started = performance.now();
    const deep = await callRoute(upgradeTemplateRoute, { apiKey, params: { id: workflow.id }, rawBody, headers: { 'content-type': 'application/json' } });
    console.info(`upgrade with a parameter nested 400 levels deep: ${deep.status} in ${(performance.now() - started).toFixed(0)} ms`);
    expect(deep.status).toBe(422);
    expect(((await deep.json()) as Problem).errors).toEqual([expect.objectContaining({ expected: `at most ${MAX_TEMPLATE_DEPTH} levels` })]);

    expect((await upgrade(apiKey, workflow.id, { parameters: 'channel' })).status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('keeps other tenants out: their workflow ids are unknown here', async () => {
    const { workflow } = await outdatedWorkflow();
    const intruder = await createTenantWithKey([...scopes]);
    expect((await preview(intruder.apiKey, workflow.id)).status).toBe(404);
    expect((await upgrade(intruder.apiKey, workflow.id, { parameters: { channel: '#x' } })).status).toBe(404);
    expect(await db().workflow.findUniqueOrThrow({ where: { id: workflow.id } })).toMatchObject({ templateVersion: 1 });
  });

  it('answers clearly when there is nothing to upgrade: a hand-drawn workflow, an unknown or older version', async () => {
    const { apiKey, workflow } = await outdatedWorkflow();
    const drawn = await (await callRoute(createWorkflow, { apiKey, body: { name: 'By hand', definition: { schemaVersion: 1, name: 'By hand', nodes: [], edges: [] } } })).json();
    const handDrawn = await preview(apiKey, drawn.id);
    expect(handDrawn.status).toBe(409);
    expect(((await handDrawn.json()) as Problem).detail).toMatch(/not instantiated from a template/);
    expect((await upgrade(apiKey, drawn.id, {})).status).toBe(409);

    expect((await preview(apiKey, workflow.id, 'version=7')).status).toBe(404);
    expect((await preview(apiKey, workflow.id, 'version=1')).status).toBe(409);
    expect((await preview(apiKey, workflow.id, 'version=soon')).status).toBe(400);
    // Past PostgreSQL's integer: refused at the edge, never handed to the database.
    expect((await preview(apiKey, workflow.id, 'version=93305110044')).status).toBe(400);
    expect((await upgrade(apiKey, workflow.id, { version: 93305110044 })).status).toBe(400);
    expect((await upgrade(apiKey, workflow.id, { version: 7, parameters: { channel: '#x' } })).status).toBe(404);
  });

  it('says when the draft was edited since it was made, since the upgrade replaces those edits', async () => {
    const { apiKey, workflow } = await outdatedWorkflow();
    const edited = { ...workflow.draft, description: 'Edited by hand' };
    expect((await callRoute(saveWorkflow, { apiKey, params: { id: workflow.id }, body: { definition: edited } })).status).toBe(200);
    expect(await (await preview(apiKey, workflow.id)).json()).toMatchObject({ draftEdited: true });
    expect((await upgrade(apiKey, workflow.id, { parameters: { channel: '#billing' } })).status).toBe(200);
    const upgraded = await (await callRoute(getWorkflow, { apiKey, params: { id: workflow.id } })).json();
    expect(upgraded).toMatchObject({ template: { version: 2 } });
    expect(upgraded.draft).not.toHaveProperty('description');
  });

  it('lets one of two simultaneous upgrades win; the other is told the workflow moved', async () => {
    const { apiKey, workflow } = await outdatedWorkflow();
    const answers = await Promise.all([0, 1].map(() => upgrade(apiKey, workflow.id, { version: 2, parameters: { channel: '#billing' } })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });

  it('asks again for a kept value the new version types differently, and takes the new value', async () => {
    const { apiKey, key, workflow } = await outdatedWorkflow();
    const retyped = { ...version2.parameterSchema, properties: { ...version2.parameterSchema.properties, threshold: { type: 'string', enum: ['low', 'high'] } } };
    const registered = await callRoute(registerTemplateRoute, { apiKey, body: { ...template({ key }), ...version2, parameterSchema: retyped } });
    expect(registered.status).toBe(201);
    const body = await (await preview(apiKey, workflow.id)).json();
    expect(body).toMatchObject({ targetVersion: 3, parameters: { added: [{ name: 'channel' }], missing: [{ name: 'channel' }] } });
    expect(body.parameters.problems).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/body/parameters/threshold', expected: 'string' })]));
    expect((await upgrade(apiKey, workflow.id, { parameters: { channel: '#billing' } })).status).toBe(422);
    const upgraded = await upgrade(apiKey, workflow.id, { parameters: { channel: '#billing', threshold: 'high' } });
    expect(upgraded.status).toBe(200);
    expect(await upgraded.json()).toMatchObject({ template: { version: 3, parameters: { threshold: 'high', channel: '#billing' } } });
  });
});
