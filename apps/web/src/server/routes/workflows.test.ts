import { getEventDefinition, MAX_JSON_DEPTH } from '@cascade/catalog';
import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { db } from '@/server/services';
import { registerEventType } from './catalog';
import { createWorkflow, getWorkflow, listWorkflowVersions, listWorkflows, publishWorkflow, saveWorkflow } from './workflows';

const draft = { schemaVersion: 1, name: 'Escalate breaches', nodes: [], edges: [] };

describe('workflow drafts', () => {
  it('creates, reads, saves and lists a workflow of the caller’s tenant', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const created = await callRoute(createWorkflow, { apiKey, body: { name: 'Escalate breaches', definition: draft } });
    expect(created.status).toBe(201);
    const { id } = await created.json();

    const saved = await callRoute(saveWorkflow, { apiKey, params: { id }, body: { description: 'Pages the on-call lead', definition: { ...draft, nodes: [{ id: 'n1' }] } } });
    expect(saved.status).toBe(200);
    const read = await (await callRoute(getWorkflow, { apiKey, params: { id } })).json();
    expect(read).toMatchObject({ name: 'Escalate breaches', description: 'Pages the on-call lead', enabled: true, latestVersion: null, draft: { nodes: [{ id: 'n1' }] } });
    expect((await (await callRoute(listWorkflows, { apiKey })).json()).items.map((w: { id: string }) => w.id)).toEqual([id]);
    expect((await (await callRoute(listWorkflowVersions, { apiKey, params: { id } })).json()).items).toEqual([]);
  });

  it('answers 409 for a taken name and 404 across tenants', async () => {
    const a = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const b = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const { id } = await (await callRoute(createWorkflow, { apiKey: a.apiKey, body: { name: 'Same', definition: draft } })).json();
    expect((await callRoute(createWorkflow, { apiKey: a.apiKey, body: { name: 'Same', definition: draft } })).status).toBe(409);
    expect((await callRoute(createWorkflow, { apiKey: b.apiKey, body: { name: 'Same', definition: draft } })).status).toBe(201);
    expect((await callRoute(getWorkflow, { apiKey: b.apiKey, params: { id } })).status).toBe(404);
    expect((await callRoute(saveWorkflow, { apiKey: b.apiKey, params: { id }, body: { enabled: false } })).status).toBe(404);
  });
});

const publishable = {
  schemaVersion: 1,
  name: 'Log overdue invoices',
  nodes: [
    { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE', filter: 'event.data.daysOverdue > 30' },
    { id: 'note', type: 'action', action: 'core.log', input: { message: { $expr: '"overdue: " & event.data.invoiceId' } } },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'note' },
    { id: 'e2', from: 'note', to: 'done' },
  ],
};

describe('publishing', () => {
  it('publishes valid drafts as immutable, numbered versions and derives the trigger', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const { id } = await (await callRoute(createWorkflow, { apiKey, body: { name: 'Overdue', definition: publishable } })).json();
    const first = await callRoute(publishWorkflow, { apiKey, params: { id } });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ version: 1, definition: publishable });
    expect(await db().trigger.findUniqueOrThrow({ where: { workflowId: id } })).toMatchObject({
      tenantId,
      eventType: 'INVOICE_OVERDUE',
      filter: 'event.data.daysOverdue > 30',
      enabled: true,
    });

    await callRoute(saveWorkflow, { apiKey, params: { id }, body: { definition: { ...publishable, name: 'v2' } } });
    expect((await (await callRoute(publishWorkflow, { apiKey, params: { id } })).json()).version).toBe(2);
    const versions = await (await callRoute(listWorkflowVersions, { apiKey, params: { id } })).json();
    expect(versions.items.map((v: { version: number; definition: { name: string } }) => [v.version, v.definition.name])).toEqual([
      [2, 'v2'],
      [1, 'Log overdue invoices'],
    ]);
  });

  it('refuses an invalid draft with 422 and every problem addressed by node and field, publishing nothing', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const broken = {
      ...publishable,
      nodes: [
        { id: 'start', type: 'trigger', event: 'INVOICE_EATEN' },
        { id: 'note', type: 'action', action: 'core.log', input: { message: { $expr: 'event.data.(' } } },
        { id: 'done', type: 'end' },
      ],
    };
    const { id } = await (await callRoute(createWorkflow, { apiKey, body: { name: 'Broken', definition: broken } })).json();
    const response = await callRoute(publishWorkflow, { apiKey, params: { id } });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ nodeId: 'start', field: 'event', code: 'unknown-event', path: '/nodes/start/event' }),
        expect.objectContaining({ nodeId: 'note', field: 'input.message', code: 'expression-syntax' }),
      ]),
    );
    expect((await (await callRoute(listWorkflowVersions, { apiKey, params: { id } })).json()).items).toEqual([]);
  });

  it('names JSONata’s way for a slip with its fix, and publishes a literal that reads like an expression with a warning', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const [trigger, note, done] = publishable.nodes;
    const slipped = { ...publishable, nodes: [{ ...trigger, filter: 'event.data.daysOverdue > 30 && event.data.daysOverdue == 31' }, note, done] };
    const { id } = await (await callRoute(createWorkflow, { apiKey, body: { name: 'Slips', definition: slipped } })).json();
    const refused = await callRoute(publishWorkflow, { apiKey, params: { id } });
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors).toEqual([
      {
        path: '/nodes/start/filter',
        nodeId: 'start',
        field: 'filter',
        code: 'expression-slip',
        message: 'JSONata uses and, not &&; JSONata compares with =, not ==: write event.data.daysOverdue > 30 and event.data.daysOverdue = 31',
        fix: { value: 'event.data.daysOverdue > 30 and event.data.daysOverdue = 31' },
      },
    ]);

    const literal = { ...publishable, nodes: [trigger, { ...note, input: { message: '{{ event.data.invoiceId }}' } }, done] };
    await callRoute(saveWorkflow, { apiKey, params: { id }, body: { definition: literal } });
    const published = await callRoute(publishWorkflow, { apiKey, params: { id } });
    expect(published.status).toBe(201);
    expect((await published.json()).warnings).toEqual([
      {
        path: '/nodes/note/input.message',
        nodeId: 'note',
        field: 'input.message',
        code: 'literal-looks-like-expression',
        severity: 'warning',
        message: '"{{ event.data.invoiceId }}" is passed on as this text; to compute it, make it the expression event.data.invoiceId',
        fix: { value: { $expr: 'event.data.invoiceId' } },
      },
    ]);
  });
});

describe('emit nodes and event versions', () => {
  const emitting = (event: string, data: Record<string, unknown>, version?: number) => ({
    ...publishable,
    nodes: [
      publishable.nodes[0],
      { id: 'announce', type: 'emit', event, ...(version ? { version } : {}), data },
      publishable.nodes[2],
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'announce' },
      { id: 'e2', from: 'announce', to: 'done' },
    ],
  });

  async function publishDraft(apiKey: string, definition: object) {
    const { id } = await (await callRoute(createWorkflow, { apiKey, body: { name: `Emit ${Math.random()}`, definition } })).json();
    return callRoute(publishWorkflow, { apiKey, params: { id } });
  }
  const emitNodeOf = async (response: Response) => (await response.json()).definition.nodes.find((n: { id: string }) => n.id === 'announce');

  it('checks a built-in type’s data against the version named, and pins the latest when none is', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const v1 = getEventDefinition('agent.task_completed', 1).example;
    const v2 = getEventDefinition('agent.task_completed', 2).example;

    const pinnedOld = await publishDraft(apiKey, emitting('agent.task_completed', v1, 1));
    expect(pinnedOld.status).toBe(201);
    expect(await emitNodeOf(pinnedOld)).toMatchObject({ version: 1 });

    const latest = await publishDraft(apiKey, emitting('agent.task_completed', v2));
    expect(latest.status).toBe(201);
    expect(await emitNodeOf(latest)).toMatchObject({ version: 2 });

    // v1-shaped data without a version used to pass publish and fail every run.
    const mismatched = await publishDraft(apiKey, emitting('agent.task_completed', v1));
    expect(mismatched.status).toBe(422);
    expect((await mismatched.json()).errors).toEqual([expect.objectContaining({ nodeId: 'announce', code: 'invalid-mapping', field: 'data.tokenUsage' })]);

    const missing = await publishDraft(apiKey, emitting('agent.task_completed', v1, 3));
    expect(missing.status).toBe(422);
    expect((await missing.json()).errors).toEqual([expect.objectContaining({ nodeId: 'announce', code: 'unknown-event-version', path: '/nodes/announce/version' })]);
  });

  it('does the same for a tenant’s own type with two versions', async () => {
    const { apiKey } = await createTenantWithKey(['admin']);
    const schema = (field: string) => ({ type: 'object', required: [field], properties: { [field]: { type: 'string' } } });
    const register = (version: number, field: string) =>
      callRoute(registerEventType, { apiKey, body: { type: 'acme.task.closed', version, displayName: 'Task closed', jsonSchema: schema(field) } });
    expect((await register(1, 'result')).status).toBe(201);
    expect((await register(2, 'outcome')).status).toBe(201);

    const old = await publishDraft(apiKey, emitting('acme.task.closed', { result: 'done' }, 1));
    expect(old.status).toBe(201);
    expect(await emitNodeOf(old)).toMatchObject({ version: 1 });
    const pinned = await publishDraft(apiKey, emitting('acme.task.closed', { outcome: 'done' }));
    expect(await emitNodeOf(pinned)).toMatchObject({ version: 2 });
    const refused = await publishDraft(apiKey, emitting('acme.task.closed', { result: 'done' }));
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors).toEqual([expect.objectContaining({ nodeId: 'announce', code: 'invalid-mapping', field: 'data.outcome' })]);
  });
});

describe('definition limits', () => {
  const ends = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `n${index}`, type: 'end' }));
  const nestedForEach = (depth: number) => {
    let flow: { nodes: object[]; edges: object[] } = { nodes: [{ id: 'innermost', type: 'end' }], edges: [] };
    for (let level = depth; level >= 1; level--) flow = { nodes: [{ id: `each${level}`, type: 'forEach', items: 'event.data.lines', body: flow }], edges: [] };
    return { ...draft, ...flow };
  };

  it('refuses to create or save a definition past a limit with 422 naming it, saving nothing', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const tooMany = await callRoute(createWorkflow, { apiKey, body: { name: 'Huge', definition: { ...draft, nodes: ends(2_001) } } });
    expect(tooMany.status).toBe(422);
    expect(await tooMany.json()).toMatchObject({
      detail: expect.stringContaining('the limit is 2000'),
      errors: [{ code: 'too-large', field: 'nodes', path: '/definition/nodes', message: 'The definition has 2001 nodes, forEach bodies included; the limit is 2000' }],
    });
    expect((await (await callRoute(listWorkflows, { apiKey })).json()).items).toEqual([]);

    const { id } = await (await callRoute(createWorkflow, { apiKey, body: { name: 'Nested', definition: nestedForEach(5) } })).json();
    const tooDeep = await callRoute(saveWorkflow, { apiKey, params: { id }, body: { definition: nestedForEach(6) } });
    expect(tooDeep.status).toBe(422);
    expect((await tooDeep.json()).errors).toEqual([expect.objectContaining({ code: 'too-large', nodeId: 'each6', path: '/nodes/each6/body', message: expect.stringContaining('the limit is 5 levels') })]);
    expect((await (await callRoute(getWorkflow, { apiKey, params: { id } })).json()).draft).toEqual(nestedForEach(5));
  });

  it('answers 422 for a definition past 1 MiB within the body limit, and 413 for a body past it', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const withDescription = (bytes: number) => ({ name: 'Long', definition: { ...draft, description: 'x'.repeat(bytes) } });
    const justOver = await callRoute(createWorkflow, { apiKey, body: withDescription(1024 * 1024) });
    expect(justOver.status).toBe(422);
    expect((await justOver.json()).errors).toEqual([expect.objectContaining({ code: 'too-large', message: expect.stringContaining('the limit is 1048576 bytes (1 MiB)') })]);
    const tooLong = await callRoute(createWorkflow, { apiKey, body: withDescription(1024 * 1024 + 64 * 1024) });
    expect(tooLong.status).toBe(413);
    expect((await tooLong.json()).detail).toContain(`limit of ${1024 * 1024 + 64 * 1024} bytes`);
  });

  it('refuses to publish a stored draft past a limit, naming it', async () => {
    const { apiKey } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const { id } = await (await callRoute(createWorkflow, { apiKey, body: { name: 'Grown', definition: publishable } })).json();
    // Saved before the limits existed: only the database still holds such a draft.
    await db().workflow.update({ where: { id }, data: { draft: { ...publishable, edges: [...publishable.edges, ...Array.from({ length: 4_000 }, (_, index) => ({ id: `x${index}`, from: 'start', to: 'done' }))] } } });
    const response = await callRoute(publishWorkflow, { apiKey, params: { id } });
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual([expect.objectContaining({ code: 'too-large', field: 'edges', message: 'The definition has 4002 edges, forEach bodies included; the limit is 4000' })]);
    expect((await (await callRoute(listWorkflowVersions, { apiKey, params: { id } })).json()).items).toEqual([]);
  });
});

describe('text PostgreSQL cannot store', () => {
  it('is refused with 400 and its paths in any JSON body, before anything is written', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const nul = { ...publishable, description: 'nul \u0000 here', nodes: [{ ...publishable.nodes[0], ['label\u0000']: 'x' }] };
    const response = await callRoute(createWorkflow, { apiKey, body: { name: 'Lone \ud800 surrogate', definition: nul } });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['/body/name', '/body/definition/description', '/body/definition/nodes/0/label\u0000']),
    );
    expect(await db().workflow.count({ where: { tenantId } })).toBe(0);
  });
});

describe('bodies nested past MAX_JSON_DEPTH', () => {
  it('are refused with 400 naming where, before anything is written, instead of overflowing a serialiser', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read', 'workflows:write']);
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const response = await callRoute(createWorkflow, { apiKey, rawBody: `{"name":"Deep","definition":{"variables":{"v":${deep}}}}`, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.detail).toBe(`The body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`);
    expect(problem.errors[0].path).toBe(`/body/definition/variables/v${'/0'.repeat(MAX_JSON_DEPTH - 3)}`);
    expect(await db().workflow.count({ where: { tenantId } })).toBe(0);
  });
});

