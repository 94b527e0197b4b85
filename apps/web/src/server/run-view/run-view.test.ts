import { randomUUID } from 'node:crypto';
import { sql } from '@cascade/db';
import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { db } from '@/server/services';
import { listRuns, listRunSteps } from '../routes/runs';
import { getRunView } from '../routes/run-view';

/** trigger → check (true: call → lines (forEach notify) → await → done; false: other → other2) */
const definition = {
  schemaVersion: 1,
  name: 'Collect',
  nodes: [
    { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
    { id: 'check', type: 'condition', expression: 'event.data.amountDue > 100' },
    { id: 'call', type: 'action', action: 'core.log', input: {} },
    { id: 'other', type: 'action', action: 'core.log', input: {} },
    { id: 'other2', type: 'end' },
    {
      id: 'lines', type: 'forEach', items: 'event.data.lines', concurrency: 1,
      body: { nodes: [{ id: 'notify', type: 'action', action: 'core.log', input: {} }], edges: [{ id: 'b1', from: 'lines', to: 'notify', port: 'item' }] },
    },
    { id: 'await', type: 'waitForEvent', event: 'INVOICE_WRITTEN_OFF', correlation: { event: 'event.data.invoiceId', run: 'event.data.invoiceId' }, filter: 'event.data.amount > 0', timeout: 'P1D' },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'check' },
    { id: 'e2', from: 'check', to: 'call', port: 'true' },
    { id: 'e3', from: 'check', to: 'other', port: 'false' },
    { id: 'e4', from: 'other', to: 'other2' },
    { id: 'e5', from: 'call', to: 'lines' },
    { id: 'e6', from: 'lines', to: 'await', port: 'done' },
    { id: 'e7', from: 'await', to: 'done', port: 'received' },
  ],
};

async function seedRun(tenantId: string, status: 'RUNNING' | 'FAILED' = 'RUNNING') {
  const workflow = await db().workflow.create({ data: { tenantId, name: `Collect ${randomUUID()}`, draft: definition } });
  const version = await db().workflowVersion.create({ data: { tenantId, workflowId: workflow.id, version: 1, definition } });
  const startedAt = new Date(Date.now() - 60_000);
  const run = await db().run.create({ data: { id: randomUUID(), tenantId, workflowId: workflow.id, versionId: version.id, temporalWorkflowId: `run:${randomUUID()}`, status, startedAt } });
  return { run, workflow, startedAt };
}

const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

async function writeSteps(runId: string, base: Date, steps: Array<{ key: string; nodeId: string; status?: 'COMPLETED' | 'FAILED'; attempts?: number; output?: unknown; from: number; to: number }>) {
  await db().runStep.createMany({
    data: steps.map((step) => ({
      runId, key: step.key, nodeId: step.nodeId, status: step.status ?? 'COMPLETED', attempts: step.attempts ?? 1,
      output: step.output === undefined ? undefined : (step.output as object), startedAt: at(base, step.from), finishedAt: at(base, step.to),
    })),
  });
}

async function openWait(tenantId: string, runId: string, openedAt: Date, key = '"inv-7"') {
  return db().wait.create({
    data: {
      id: randomUUID(), tenantId, runId, temporalWorkflowId: 'x', nodeKey: 'await', eventType: 'INVOICE_WRITTEN_OFF',
      correlationKey: key, correlationExpr: 'event.data.invoiceId', openedAt, expiresAt: at(openedAt, 86_400),
    },
  });
}

const stateOf = (view: { nodes: Array<{ nodeId: string; state: string }> }) => Object.fromEntries(view.nodes.map((node) => [node.nodeId, node.state]));

describe('a run on its canvas: each node’s state from per-node aggregates', () => {
  it('completed, retried, skipped on the branch not taken, forEach iterations, waiting, and not reached after the wait', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read']);
    const { run, startedAt } = await seedRun(tenantId);
    await writeSteps(run.id, startedAt, [
      { key: 'start', nodeId: 'start', output: { eventId: randomUUID() }, from: 0, to: 0 },
      { key: 'check', nodeId: 'check', output: true, from: 0, to: 0 },
      { key: 'call', nodeId: 'call', attempts: 3, output: { ok: 1 }, from: 1, to: 4 },
      { key: 'lines[0].notify', nodeId: 'notify', from: 5, to: 6 },
      { key: 'lines[1].notify', nodeId: 'notify', attempts: 2, from: 6, to: 8 },
      { key: 'lines[2].notify', nodeId: 'notify', from: 8, to: 9 },
      { key: 'lines', nodeId: 'lines', output: [{}, {}, {}], from: 5, to: 9 },
    ]);
    await openWait(tenantId, run.id, at(startedAt, 10));

    const view = await (await callRoute(getRunView, { apiKey, params: { id: run.id } })).json();
    expect(stateOf(view)).toEqual({ start: 'completed', check: 'completed', call: 'completed', other: 'skipped', other2: 'skipped', lines: 'completed', await: 'waiting', done: 'not-reached' });
    expect(view.nodes.find((node: { nodeId: string }) => node.nodeId === 'call')).toMatchObject({ retries: 2, durationMs: 3000 });
    expect(view.takenEdges.sort()).toEqual(['b1', 'e1', 'e2', 'e5', 'e6']);
    expect(view.forEach.lines).toMatchObject({ iterations: 3, body: [{ nodeId: 'notify', state: 'completed', steps: 3, completed: 3, retries: 1 }] });
    expect(view.nodes.find((node: { nodeId: string }) => node.nodeId === 'await')).toMatchObject({ startedAt: at(startedAt, 10).toISOString(), finishedAt: null });

    // An iteration's steps, and one node's, through the paginated steps API.
    const iteration = await (await callRoute(listRunSteps, { apiKey, params: { id: run.id }, query: 'keyPrefix=lines%5B1%5D.' })).json();
    expect(iteration.items).toEqual([expect.objectContaining({ key: 'lines[1].notify', attempts: 2 })]);
    const notify = await (await callRoute(listRunSteps, { apiKey, params: { id: run.id }, query: 'node=notify&limit=2' })).json();
    expect(notify.items.map((step: { key: string }) => step.key)).toEqual(['lines[0].notify', 'lines[1].notify']);
    expect(notify.nextCursor).toEqual(expect.any(String));
    // A prefix is literal: LIKE's wildcards in it match nothing.
    for (const prefix of ['%', 'lines_1_.', 'lines[_]']) {
      const hostile = await (await callRoute(listRunSteps, { apiKey, params: { id: run.id }, query: `keyPrefix=${encodeURIComponent(prefix)}` })).json();
      expect(hostile.items).toEqual([]);
    }
  });

  it('a failure without an error path leaves what follows not reached, not skipped; a failed iteration fails the body node', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read']);
    const { run, startedAt } = await seedRun(tenantId, 'FAILED');
    await writeSteps(run.id, startedAt, [
      { key: 'start', nodeId: 'start', from: 0, to: 0 },
      { key: 'check', nodeId: 'check', output: true, from: 0, to: 0 },
      { key: 'call', nodeId: 'call', from: 1, to: 2 },
      { key: 'lines[0].notify', nodeId: 'notify', from: 3, to: 4 },
      { key: 'lines[1].notify', nodeId: 'notify', status: 'FAILED', attempts: 5, from: 4, to: 9 },
      { key: 'lines', nodeId: 'lines', status: 'FAILED', from: 3, to: 9 },
    ]);
    const view = await (await callRoute(getRunView, { apiKey, params: { id: run.id } })).json();
    expect(stateOf(view)).toMatchObject({ call: 'completed', lines: 'failed', await: 'not-reached', done: 'not-reached', other: 'skipped' });
    expect(view.forEach.lines.body).toEqual([expect.objectContaining({ nodeId: 'notify', state: 'failed', failed: 1, completed: 1, retries: 4 })]);
  });

  it('links a sub-workflow node to the child run it started, running or done', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read']);
    const { run: parent } = await seedRun(tenantId);
    const child = await db().run.create({
      data: { id: randomUUID(), tenantId, workflowId: parent.workflowId, versionId: parent.versionId, temporalWorkflowId: `${parent.temporalWorkflowId}/lines[1].settle`, parentRunId: parent.id },
    });
    const view = await (await callRoute(getRunView, { apiKey, params: { id: parent.id } })).json();
    expect(view.children).toEqual([{ stepKey: 'lines[1].settle', nodeId: 'settle', runId: child.id, status: 'RUNNING' }]);
  });

  it('a run of 10,000 steps is drawn from one row per node', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read']);
    const { run, startedAt } = await seedRun(tenantId);
    await writeSteps(run.id, startedAt, [{ key: 'start', nodeId: 'start', from: 0, to: 0 }, { key: 'check', nodeId: 'check', output: true, from: 0, to: 0 }, { key: 'call', nodeId: 'call', from: 0, to: 1 }]);
    await sql(db(), `INSERT INTO run_steps (run_id, node_id, key, status, attempts, output, started_at, finished_at)
      SELECT $1::uuid, 'notify', 'lines[' || i || '].notify', 'COMPLETED', 1 + (i % 3 = 0)::int, jsonb_build_object('text', repeat('x', 500)), $2::timestamptz + i * interval '1 ms', $2::timestamptz + i * interval '1 ms' + interval '2 ms'
        FROM generate_series(0, 9999) AS i`, [run.id, at(startedAt, 2)]);
    const started = performance.now();
    const response = await callRoute(getRunView, { apiKey, params: { id: run.id } });
    const elapsed = performance.now() - started;
    const body = await response.text();
    console.log(`run view of 10,000 steps: ${elapsed.toFixed(0)} ms, ${body.length} bytes`);
    const view = JSON.parse(body);
    expect(view.forEach.lines).toMatchObject({ iterations: 10_000, body: [{ nodeId: 'notify', steps: 10_000, retries: 3334, state: 'completed' }] });
    expect(body.length).toBeLessThan(20_000);
    expect(elapsed).toBeLessThan(2_000);
    // What each poll of an unchanged run costs: the fingerprint alone, and no body.
    const polled = performance.now();
    const unchanged = await callRoute(getRunView, { apiKey, params: { id: run.id }, headers: { 'if-none-match': response.headers.get('etag')! } });
    console.log(`poll of the unchanged 10,000-step run: ${(performance.now() - polled).toFixed(0)} ms, status ${unchanged.status}`);
    expect(unchanged.status).toBe(304);
  });
});

describe('polling a run is cheap: ETag and 304', () => {
  it('answers 304 while nothing changed, and a new view once a step is written or the wait closes', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read']);
    const { run, startedAt } = await seedRun(tenantId);
    await writeSteps(run.id, startedAt, [{ key: 'start', nodeId: 'start', from: 0, to: 0 }]);
    const first = await callRoute(getRunView, { apiKey, params: { id: run.id } });
    const etag = first.headers.get('etag')!;
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^"[\w-]+"$/);

    const unchanged = await callRoute(getRunView, { apiKey, params: { id: run.id }, headers: { 'if-none-match': etag } });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');
    expect((await callRoute(getRunView, { apiKey, params: { id: run.id }, headers: { 'if-none-match': `"other", W/${etag}` } })).status).toBe(304);

    await writeSteps(run.id, startedAt, [{ key: 'check', nodeId: 'check', output: false, from: 1, to: 1 }]);
    const afterStep = await callRoute(getRunView, { apiKey, params: { id: run.id }, headers: { 'if-none-match': etag } });
    expect(afterStep.status).toBe(200);
    expect(stateOf(await afterStep.json())).toMatchObject({ check: 'completed', call: 'skipped', other: 'running' });

    const wait = await openWait(tenantId, run.id, at(startedAt, 2));
    const etag2 = (await callRoute(getRunView, { apiKey, params: { id: run.id } })).headers.get('etag')!;
    await db().wait.update({ where: { id: wait.id }, data: { closedAt: new Date() } });
    expect((await callRoute(getRunView, { apiKey, params: { id: run.id }, headers: { 'if-none-match': etag2 } })).status).toBe(200);
  });

  it('another tenant’s run is 404 even with its ETag; a bad id 400', async () => {
    const a = await createTenantWithKey(['workflows:read']);
    const b = await createTenantWithKey(['workflows:read']);
    const { run } = await seedRun(a.tenantId);
    const etag = (await callRoute(getRunView, { apiKey: a.apiKey, params: { id: run.id } })).headers.get('etag')!;
    expect((await callRoute(getRunView, { apiKey: b.apiKey, params: { id: run.id }, headers: { 'if-none-match': etag } })).status).toBe(404);
    const bad = await callRoute(getRunView, { apiKey: a.apiKey, params: { id: 'nope' } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual([expect.objectContaining({ path: '/params/id' })]);
  });

  it('the runs list answers 304 until a run starts or changes', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read']);
    const { workflow } = await seedRun(tenantId);
    const query = `workflowId=${workflow.id}`;
    const etag = (await callRoute(listRuns, { apiKey, query })).headers.get('etag')!;
    expect((await callRoute(listRuns, { apiKey, query, headers: { 'if-none-match': etag } })).status).toBe(304);
    await db().run.updateMany({ where: { workflowId: workflow.id }, data: { status: 'COMPLETED', finishedAt: new Date() } });
    expect((await callRoute(listRuns, { apiKey, query, headers: { 'if-none-match': etag } })).status).toBe(200);
  });
});

describe('a waiting run explains itself', () => {
  it('names the event type, the correlation value, the filter and the deadline, lists the buffer window’s events, and drafts a matching event', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read']);
    const { run, startedAt } = await seedRun(tenantId);
    const openedAt = new Date();
    const event = (invoiceId: string, secondsBefore: number) => db().event.create({
      data: { tenantId, id: randomUUID(), type: 'INVOICE_WRITTEN_OFF', version: 1, source: 'test', occurredAt: openedAt, receivedAt: at(openedAt, -secondsBefore), data: { invoiceId, amount: 0 } },
    });
    const matching = await event('inv-7', 10);
    const other = await event('inv-8', 20);
    await event('inv-7', 3_600); // before the buffer window
    await writeSteps(run.id, startedAt, [{ key: 'start', nodeId: 'start', from: 0, to: 0 }]);
    await openWait(tenantId, run.id, openedAt);

    const view = await (await callRoute(getRunView, { apiKey, params: { id: run.id } })).json();
    expect(view.waits).toEqual([expect.objectContaining({
      nodeId: 'await', state: 'waiting', eventType: 'INVOICE_WRITTEN_OFF', filter: 'event.data.amount > 0',
      correlation: { value: 'inv-7', eventExpression: 'event.data.invoiceId' }, expiresAt: at(openedAt, 86_400).toISOString(), bufferSeconds: 300,
      earlierEvents: [expect.objectContaining({ id: matching.id, correlates: true }), expect.objectContaining({ id: other.id, correlates: false })],
    })]);
    expect(view.waits[0].publish).toMatchObject({ placed: true, draft: { type: 'INVOICE_WRITTEN_OFF', data: { invoiceId: 'inv-7' } } });
  });

  it('shows an approval’s assignees, deadline and escalation', async () => {
    const { apiKey, tenantId } = await createTenantWithKey(['workflows:read']);
    const withApproval = {
      ...definition,
      nodes: [...definition.nodes, { id: 'ask', type: 'approval', title: 'Write off?', assignees: ['finance'], timeout: 'P2D', escalation: { after: 'P1D', assignees: ['cfo'] } }],
    };
    const { run } = await seedRun(tenantId);
    await db().workflowVersion.update({ where: { id: run.versionId }, data: { definition: withApproval } });
    const dueAt = at(new Date(), 172_800);
    await db().approvalTask.create({ data: { id: randomUUID(), tenantId, runId: run.id, temporalWorkflowId: 'x', nodeKey: 'ask', title: 'Write off?', assignees: ['finance'], formFields: [], dueAt } });
    const view = await (await callRoute(getRunView, { apiKey, params: { id: run.id } })).json();
    expect(view.approvals).toEqual([expect.objectContaining({ assignees: ['finance'], dueAt: dueAt.toISOString(), escalation: { after: 'P1D', assignees: ['cfo'] }, status: 'PENDING' })]);
    expect(stateOf(view).ask).toBe('waiting');
  });
});
