import { randomUUID } from 'node:crypto';
import { getEventDefinition } from '@cascade/catalog';
import { TEST_RUN_TIMEOUT_MS, testRunWorkflowId } from '@cascade/temporal/test-runs';
import { afterAll, describe, expect, it } from 'vitest';
import { callRoute, createApiKey, createSignedInUser, createTenantWithKey, expectJson } from '@/test/api';
import { recordingServer } from '@/test/recording-server';
import { eventually, startWorkerStack } from '@/test/worker-stack';
import type { ProblemDetail } from '@/server/http/problem';
import { closeServices, db, temporal } from '@/server/services';
import type { TestRunView } from '@/server/test-runs/test-run-view';
import { publishEvents } from './events';
import { listRuns } from './runs';
import { answerTestRunRoute, getTestRun, getTestRunPlan, listTestRunsRoute, startTestRunRoute } from './test-runs';
import { deleteWorkflow } from './workflow-delete';
import { createWorkflow } from './workflows';

// Test runs through the routes, on the real worker's test task queue and the real Temporal.
const stack = await startWorkerStack();
const crm = recordingServer();
afterAll(async () => {
  await stack.stop();
  await closeServices();
});

const overdue = getEventDefinition('INVOICE_OVERDUE')!.example as Record<string, unknown>;
const payment = getEventDefinition('PAYMENT_RECORDED')!.example as Record<string, unknown>;

function draft(name: string) {
  return {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
      { id: 'post', type: 'action', action: 'http.request', input: { method: 'POST', url: `${crm.url}/notes`, body: { invoice: { $expr: 'event.data.invoiceId' } } } },
      { id: 'paid', type: 'waitForEvent', event: 'PAYMENT_RECORDED', timeout: 'PT10M', correlation: { event: 'event.data.clientId', run: 'event.data.clientId' } },
      { id: 'announce', type: 'emit', event: 'billing.plan.changed', data: { tenantId: { $expr: 'run.tenantId' }, oldPlan: 'overdue', newPlan: 'paid' } },
      { id: 'done', type: 'end' },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'post' },
      { id: 'e2', from: 'post', to: 'paid' },
      { id: 'e3', from: 'paid', to: 'announce', port: 'received' },
      { id: 'e4', from: 'paid', to: 'done', port: 'timeout' },
      { id: 'e5', from: 'announce', to: 'done' },
    ],
  };
}

/** The answer's JSON, once its status is as expected: a test run by default. */
const json = <Body = TestRunView>(response: Promise<Response>, status: number) => expectJson<Body>(response, status);

type Problem = { title: string; errors: ProblemDetail[] };

async function tenantWithDraft(definition: object = draft(`Test ${randomUUID()}`)) {
  const { tenantId, apiKey } = await createTenantWithKey(['admin']);
  const workflow = await json<{ id: string }>(callRoute(createWorkflow, { apiKey, body: { name: `Draft ${randomUUID()}`, definition } }), 201);
  return { tenantId, apiKey, workflowId: workflow.id as string };
}

describe('test runs of a draft through the API', () => {
  it('stubs the POST, answers the wait from the panel, records the emit, and leaves production untouched', async () => {
    const { tenantId, apiKey, workflowId } = await tenantWithDraft();
    const clientId = randomUUID();
    const plan = await json<{ sample: unknown; actions: unknown[] }>(callRoute(getTestRunPlan, { apiKey, params: { id: workflowId } }), 200);
    expect(plan.sample).toEqual({ type: 'INVOICE_OVERDUE', data: overdue });
    expect(plan.actions).toEqual([{ nodeId: 'post', actionId: 'http.request', stubbedByDefault: true, cannedOutput: { status: 0, headers: {}, body: null, url: '' } }]);

    const started = await json(callRoute(startTestRunRoute, { apiKey, params: { id: workflowId }, body: { event: { data: { ...overdue, clientId } } } }), 201);
    const params = { id: workflowId, testRunId: started.id as string };
    const waiting = await eventually(async () => {
      const view = await json(callRoute(getTestRun, { apiKey, params }), 200);
      return view.waiting.length ? view : undefined;
    });
    expect(waiting.waiting).toEqual([
      { kind: 'event', key: 'paid', nodeId: 'paid', eventType: 'PAYMENT_RECORDED', expiresAt: expect.any(String), matchingData: { ...payment, clientId } },
    ]);
    expect(waiting.nodes).toEqual(expect.arrayContaining([
      { nodeId: 'post', state: 'completed', steps: 1, iterations: null, inBodyOf: null },
      { nodeId: 'paid', state: 'waiting', steps: 1, iterations: null, inBodyOf: null },
      { nodeId: 'announce', state: 'not-reached', steps: 0, iterations: null, inBodyOf: null },
    ]));
    expect(waiting.stubbedCalls).toEqual([{ key: 'post', nodeId: 'post', input: { method: 'POST', url: `${crm.url}/notes`, body: { invoice: overdue.invoiceId } }, output: { status: 0, headers: {}, body: null, url: '' } }]);

    // Another client's payment does not correlate: refused, naming what the run waits for.
    const stranger = await json<Problem>(callRoute(answerTestRunRoute, { apiKey, params, body: { kind: 'event', key: 'paid', data: { ...payment, clientId: 'someone-else' } } }), 422);
    expect(stranger.errors).toEqual([expect.objectContaining({ path: '/body/data', expected: JSON.stringify(clientId), received: '"someone-else"' })]);
    const invalid = await json<Problem>(callRoute(answerTestRunRoute, { apiKey, params, body: { kind: 'event', key: 'paid', data: { clientId } } }), 422);
    expect(invalid.errors.length).toBeGreaterThan(0);

    await json(callRoute(answerTestRunRoute, { apiKey, params, body: { kind: 'event', key: 'paid', data: { ...payment, clientId } } }), 202);
    const done = await eventually(async () => {
      const view = await json(callRoute(getTestRun, { apiKey, params }), 200);
      return view.status === 'COMPLETED' ? view : undefined;
    });
    expect(done.steps.map((step) => [step.key, step.status, step.effect])).toEqual([
      ['start', 'COMPLETED', null], ['post', 'COMPLETED', 'stubbed'], ['paid', 'COMPLETED', null], ['announce', 'COMPLETED', null], ['done', 'COMPLETED', null],
    ]);
    expect(done.nodes.map((node) => node.state)).toEqual(['completed', 'completed', 'completed', 'completed', 'completed']);
    expect(done.takenEdges.sort()).toEqual(['e1', 'e2', 'e3', 'e5']);
    expect(done.emits).toEqual([{ key: 'announce', nodeId: 'announce', type: 'billing.plan.changed', version: 1, data: { tenantId, oldPlan: 'overdue', newPlan: 'paid' } }]);
    expect(done.waiting).toEqual([]);

    expect(crm.requests).toEqual([]);
    expect(await db().event.count({ where: { tenantId } })).toBe(0);
    expect(await db().run.count({ where: { tenantId } })).toBe(0);
    expect((await json<{ items: unknown[] }>(callRoute(listRuns, { apiKey }), 200)).items).toEqual([]);
    // A finished run waits for nothing.
    await json(callRoute(answerTestRunRoute, { apiKey, params, body: { kind: 'skipDelay', key: 'paid' } }), 409);
  });

  it('lets an allowed action act, and runs on a past event of the log', async () => {
    const definition = draft(`Allowed ${randomUUID()}`);
    definition.nodes[2] = { id: 'paid', type: 'setVariables', assign: { paid: true } } as never;
    definition.edges = definition.edges.filter((edge) => edge.id !== 'e4').map((edge) => (edge.id === 'e3' ? { id: 'e3', from: 'paid', to: 'announce' } : edge));
    const { apiKey, workflowId } = await tenantWithDraft(definition);
    const eventId = randomUUID();
    await json(callRoute(publishEvents, { apiKey, body: { id: eventId, type: 'INVOICE_OVERDUE', source: 'billing', data: overdue } }), 202);
    const started = await json(callRoute(startTestRunRoute, { apiKey, params: { id: workflowId }, body: { eventId, stubs: { post: { mode: 'allow' } } } }), 201);
    const done = await eventually(async () => {
      const view = await json(callRoute(getTestRun, { apiKey, params: { id: workflowId, testRunId: started.id } }), 200);
      return view.status === 'COMPLETED' ? view : undefined;
    });
    expect((done.event as { id: string }).id).toBe(eventId);
    expect(done.steps.find((step) => step.key === 'post')).toMatchObject({ effect: 'allowed', output: { status: 200, body: { ok: true } } });
    expect(crm.requests).toEqual(['POST /notes']);
    crm.requests.length = 0;
  });

  it('skips a delay and decides an approval from the panel', async () => {
    const { apiKey, workflowId } = await tenantWithDraft({
      schemaVersion: 1,
      name: `Approve ${randomUUID()}`,
      nodes: [
        { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
        { id: 'later', type: 'delay', duration: 'PT6H' },
        { id: 'ask', type: 'approval', title: 'Write off?', assignees: ['finance'], timeout: 'P3D', formFields: [{ name: 'reason', label: 'Reason', type: 'text', required: true }] },
        { id: 'done', type: 'end' },
      ],
      edges: [
        { id: 'e1', from: 'start', to: 'later' },
        { id: 'e2', from: 'later', to: 'ask' },
        { id: 'e3', from: 'ask', to: 'done', port: 'approved' },
        { id: 'e4', from: 'ask', to: 'done', port: 'rejected' },
      ],
    });
    const started = await json(callRoute(startTestRunRoute, { apiKey, params: { id: workflowId }, body: { event: { data: overdue } } }), 201);
    const params = { id: workflowId, testRunId: started.id as string };
    const waitingOn = (kind: string) =>
      eventually(async () => {
        const view = await json(callRoute(getTestRun, { apiKey, params }), 200);
        return view.waiting.find((entry) => entry.kind === kind);
      });
    expect(await waitingOn('delay')).toEqual({ kind: 'delay', key: 'later', nodeId: 'later', until: expect.any(String) });
    await json(callRoute(answerTestRunRoute, { apiKey, params, body: { kind: 'event', key: 'later', data: {} } }), 409);
    await json(callRoute(answerTestRunRoute, { apiKey, params, body: { kind: 'skipDelay', key: 'later' } }), 202);
    expect(await waitingOn('approval')).toMatchObject({ key: 'ask', title: 'Write off?' });
    const unfilled = await json<Problem>(callRoute(answerTestRunRoute, { apiKey, params, body: { kind: 'approval', key: 'ask', outcome: 'approved', data: {} } }), 422);
    expect(unfilled.errors).toEqual([expect.objectContaining({ path: '/body/data/reason' })]);
    await json(callRoute(answerTestRunRoute, { apiKey, params, body: { kind: 'approval', key: 'ask', outcome: 'approved', data: { reason: 'bankrupt' } } }), 202);
    const done = await eventually(async () => {
      const view = await json(callRoute(getTestRun, { apiKey, params }), 200);
      return view.status === 'COMPLETED' ? view : undefined;
    });
    expect(done.steps.find((step) => step.key === 'ask')!.output).toMatchObject({ outcome: 'approved', data: { reason: 'bankrupt' } });
    expect(done.steps.find((step) => step.key === 'later')!.output).toMatchObject({ skipped: true });
  });

  it('ends the test runs still going when their workflow is deleted', async () => {
    const { tenantId, apiKey, workflowId } = await tenantWithDraft();
    const started = await json(callRoute(startTestRunRoute, { apiKey, params: { id: workflowId }, body: { event: { data: overdue } } }), 201);
    await eventually(async () => ((await json(callRoute(getTestRun, { apiKey, params: { id: workflowId, testRunId: started.id } }), 200)).waiting.length ? true : undefined));
    await json<unknown>(callRoute(deleteWorkflow, { apiKey, params: { id: workflowId } }), 200);
    expect(await db().testRun.count({ where: { tenantId } })).toBe(0);
    const described = await (await temporal()).workflow.getHandle(testRunWorkflowId(tenantId, started.id)).describe();
    expect(described.status.name).toBe('TERMINATED');
  });

  it('shows a test run past its time limit as cancelled, and takes no answer for it', async () => {
    const { tenantId, apiKey, workflowId } = await tenantWithDraft();
    const id = randomUUID();
    await db().testRun.create({
      data: { id, tenantId, workflowId, temporalWorkflowId: testRunWorkflowId(tenantId, id), definition: draft('Old'), event: {}, stubs: {}, startedBy: 'tester', startedAt: new Date(Date.now() - 2 * TEST_RUN_TIMEOUT_MS) },
    });
    const view = await json(callRoute(getTestRun, { apiKey, params: { id: workflowId, testRunId: id } }), 200);
    expect(view).toMatchObject({ status: 'CANCELLED', error: { message: 'The test run was ended after 24 hours' }, waiting: [] });
    await json(callRoute(answerTestRunRoute, { apiKey, params: { id: workflowId, testRunId: id }, body: { kind: 'skipDelay', key: 'later' } }), 409);
  });

  it('answers another tenant’s test run as one that does not exist', async () => {
    const a = await tenantWithDraft();
    const b = await tenantWithDraft();
    const started = await json(callRoute(startTestRunRoute, { apiKey: a.apiKey, params: { id: a.workflowId }, body: { event: { data: { ...overdue, clientId: 'c-1' } } } }), 201);
    for (const params of [{ id: a.workflowId, testRunId: started.id }, { id: b.workflowId, testRunId: started.id }]) {
      const ofA = await json<Problem>(callRoute(getTestRun, { apiKey: b.apiKey, params }), 404);
      const ofNothing = await json<Problem>(callRoute(getTestRun, { apiKey: b.apiKey, params: { ...params, testRunId: randomUUID() } }), 404);
      expect(ofA.title).toBe(ofNothing.title);
      await json(callRoute(answerTestRunRoute, { apiKey: b.apiKey, params, body: { kind: 'event', key: 'paid', data: { ...payment, clientId: 'c-1' } } }), 404);
    }
    await json(callRoute(startTestRunRoute, { apiKey: b.apiKey, params: { id: a.workflowId }, body: {} }), 404);
  });

  it('refuses an invalid draft with 422 naming each problem, and starts nothing', async () => {
    const broken = draft(`Broken ${randomUUID()}`);
    broken.nodes[1] = { id: 'post', type: 'action', action: 'no.such-action', input: {} } as never;
    const { tenantId, apiKey, workflowId } = await tenantWithDraft(broken);
    const problem = await json<Problem>(callRoute(startTestRunRoute, { apiKey, params: { id: workflowId }, body: { event: { data: overdue } } }), 422);
    expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: 'post', path: expect.stringContaining('nodes/post') })]));
    expect(await db().testRun.count({ where: { tenantId } })).toBe(0);
  });

  it('refuses hostile input: a sample that fails its schema, an oversized one, stubs of unknown nodes, a sample of another type', async () => {
    const { tenantId, apiKey, workflowId } = await tenantWithDraft();
    const params = { id: workflowId };
    const wrong = await json<Problem>(callRoute(startTestRunRoute, { apiKey, params, body: { event: { data: { ...overdue, amountDue: 'lots' } } } }), 422);
    expect(wrong.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^\/body\/event\/data\/amountDue/) })]));
    const unknownNode = await json<Problem>(callRoute(startTestRunRoute, { apiKey, params, body: { stubs: { nowhere: { mode: 'allow' } } } }), 422);
    expect(unknownNode.errors).toEqual([expect.objectContaining({ path: '/body/stubs/nowhere' })]);
    const otherType = await json<Problem>(callRoute(startTestRunRoute, { apiKey, params, body: { event: { type: 'PAYMENT_RECORDED', data: payment } } }), 422);
    expect(otherType.errors).toEqual([expect.objectContaining({ path: '/body/event/type', expected: 'INVOICE_OVERDUE' })]);

    // Larger than an event may be (512 KiB) but within the body limit, then beyond the body limit (1 MiB).
    for (const size of [700 * 1024, 4 * 1024 * 1024]) {
      const started = performance.now();
      await json(callRoute(startTestRunRoute, { apiKey, params, body: { event: { data: { ...overdue, notes: 'x'.repeat(size) } } } }), 413);
      console.log(`oversized sample of ${size} bytes refused in ${(performance.now() - started).toFixed(0)} ms`);
    }
    expect(await db().testRun.count({ where: { tenantId } })).toBe(0);
  });

  it('shows each forEach body node summed over its iterations, with the body edges any iteration took', async () => {
    const { apiKey, workflowId } = await tenantWithDraft({
      schemaVersion: 1,
      name: `Per line ${randomUUID()}`,
      nodes: [
        { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
        {
          id: 'lines', type: 'forEach', items: '[1, 2, 3]', concurrency: 1,
          body: {
            nodes: [
              { id: 'note', type: 'action', action: 'http.request', input: { method: 'POST', url: `${crm.url}/lines`, body: { line: { $expr: 'steps.lines.item' } } } },
              { id: 'big', type: 'condition', expression: 'steps.lines.item > 1' },
              { id: 'loud', type: 'action', action: 'core.log', input: { message: 'big line' } },
              { id: 'quiet', type: 'action', action: 'core.log', input: { message: 'small line' } },
            ],
            edges: [
              { id: 'b1', from: 'lines', to: 'note', port: 'item' },
              { id: 'b2', from: 'note', to: 'big' },
              { id: 'b3', from: 'big', to: 'loud', port: 'true' },
              { id: 'b4', from: 'big', to: 'quiet', port: 'false' },
            ],
          },
        },
        { id: 'done', type: 'end' },
      ],
      edges: [
        { id: 'e1', from: 'start', to: 'lines' },
        { id: 'e2', from: 'lines', to: 'done', port: 'done' },
      ],
    });
    const started = await json(callRoute(startTestRunRoute, { apiKey, params: { id: workflowId }, body: { event: { data: overdue } } }), 201);
    const done = await eventually(async () => {
      const view = await json(callRoute(getTestRun, { apiKey, params: { id: workflowId, testRunId: started.id } }), 200);
      return view.status === 'RUNNING' ? undefined : view;
    });
    expect(done.status).toBe('COMPLETED');
    expect(done.nodes).toEqual([
      { nodeId: 'start', state: 'completed', steps: 1, iterations: null, inBodyOf: null },
      { nodeId: 'lines', state: 'completed', steps: 1, iterations: 3, inBodyOf: null },
      { nodeId: 'done', state: 'completed', steps: 1, iterations: null, inBodyOf: null },
      { nodeId: 'note', state: 'completed', steps: 3, iterations: null, inBodyOf: 'lines' },
      { nodeId: 'big', state: 'completed', steps: 3, iterations: null, inBodyOf: 'lines' },
      // The true branch ran for items 2 and 3, the false one for item 1: both are taken.
      { nodeId: 'loud', state: 'completed', steps: 2, iterations: null, inBodyOf: 'lines' },
      { nodeId: 'quiet', state: 'completed', steps: 1, iterations: null, inBodyOf: 'lines' },
    ]);
    expect(done.takenEdges.sort()).toEqual(['b1', 'b2', 'b3', 'b4', 'e1', 'e2']);
    expect(done.stubbedCalls.map((call) => call.key)).toEqual(['lines[0].note', 'lines[1].note', 'lines[2].note']);
    expect(crm.requests).toEqual([]);
  });

  it('shows a body node failed when one iteration failed it, and what follows the forEach not reached', async () => {
    const { apiKey, workflowId } = await tenantWithDraft({
      schemaVersion: 1,
      name: `Failing line ${randomUUID()}`,
      nodes: [
        { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
        {
          id: 'lines', type: 'forEach', items: '[1, 2, 3]', concurrency: 1,
          body: {
            nodes: [
              { id: 'big', type: 'condition', expression: 'steps.lines.item = 2' },
              { id: 'refuse', type: 'fail', message: "'line ' & steps.lines.item & ' refused'" },
              { id: 'fine', type: 'action', action: 'core.log', input: { message: 'fine' } },
            ],
            edges: [
              { id: 'b1', from: 'lines', to: 'big', port: 'item' },
              { id: 'b2', from: 'big', to: 'refuse', port: 'true' },
              { id: 'b3', from: 'big', to: 'fine', port: 'false' },
            ],
          },
        },
        { id: 'done', type: 'end' },
      ],
      edges: [
        { id: 'e1', from: 'start', to: 'lines' },
        { id: 'e2', from: 'lines', to: 'done', port: 'done' },
      ],
    });
    const started = await json(callRoute(startTestRunRoute, { apiKey, params: { id: workflowId }, body: { event: { data: overdue } } }), 201);
    const failed = await eventually(async () => {
      const view = await json(callRoute(getTestRun, { apiKey, params: { id: workflowId, testRunId: started.id } }), 200);
      return view.status === 'RUNNING' ? undefined : view;
    });
    expect(failed.status).toBe('FAILED');
    const states = Object.fromEntries(failed.nodes.map((node) => [node.nodeId, [node.state, node.steps]]));
    // The fail node records no step: the run's error names it, and the forEach it failed.
    expect(failed.error).toEqual({ node: 'lines[1].refuse', message: 'line 2 refused' });
    expect(states).toEqual({ start: ['completed', 1], lines: ['failed', 1], big: ['completed', 2], refuse: ['failed', 1], fine: ['completed', 1], done: ['not-reached', 0] });
    expect(failed.takenEdges.sort()).toEqual(['b1', 'b2', 'b3', 'e1']);
  });

  it('lists a workflow’s test runs newest first, page by page, to a viewer too', async () => {
    const { tenantId, apiKey, workflowId } = await tenantWithDraft();
    const first = await json(callRoute(startTestRunRoute, { apiKey, params: { id: workflowId }, body: { event: { data: overdue } } }), 201);
    const second = await json(callRoute(startTestRunRoute, { apiKey, params: { id: workflowId }, body: { event: { data: overdue }, scope: { mode: 'node', nodeId: 'announce' } } }), 201);
    type Page = { items: Array<{ id: string; status: string; eventType: string | null; scope: { mode: string; nodeId: string } | null; startedBy: string }>; nextCursor: string | null };
    const viewer = await createApiKey(tenantId, ['workflows:read']);
    const all = await json<Page>(callRoute(listTestRunsRoute, { apiKey: viewer, params: { id: workflowId } }), 200);
    expect(all.items.map((item) => item.id)).toEqual([second.id, first.id]);
    expect(all.items[0]).toMatchObject({ eventType: 'INVOICE_OVERDUE', scope: { mode: 'node', nodeId: 'announce' } });
    expect(all.items[1]).toMatchObject({ status: 'RUNNING', eventType: 'INVOICE_OVERDUE', scope: null });
    expect(all.nextCursor).toBeNull();
    const { cookie } = await createSignedInUser(tenantId, 'VIEWER');
    const page1 = await json<Page>(callRoute(listTestRunsRoute, { headers: { cookie }, params: { id: workflowId }, query: 'limit=1' }), 200);
    expect(page1.items.map((item) => item.id)).toEqual([second.id]);
    const page2 = await json<Page>(callRoute(listTestRunsRoute, { apiKey, params: { id: workflowId }, query: `limit=1&cursor=${page1.nextCursor}` }), 200);
    expect(page2).toEqual({ items: [expect.objectContaining({ id: first.id })], nextCursor: null });

    // Another workflow's test runs are not among them; another tenant's workflow is as absent as none.
    const other = await tenantWithDraft();
    expect((await json<Page>(callRoute(listTestRunsRoute, { apiKey: other.apiKey, params: { id: other.workflowId } }), 200)).items).toEqual([]);
    const ofA = await json<Problem>(callRoute(listTestRunsRoute, { apiKey: other.apiKey, params: { id: workflowId } }), 404);
    const ofNothing = await json<Problem>(callRoute(listTestRunsRoute, { apiKey: other.apiKey, params: { id: randomUUID() } }), 404);
    expect(ofA.title).toBe(ofNothing.title);
  });

  it('refuses a bad page query with 400 naming the field', async () => {
    const { apiKey, workflowId } = await tenantWithDraft();
    const params = { id: workflowId };
    const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const [query, path] of [
      ['limit=0', '/query/limit'], ['limit=101', '/query/limit'], ['limit=ten', '/query/limit'], ['cursor=%%%', '/query/cursor'],
      [`cursor=${forged(['yesterday', randomUUID()])}`, '/query/cursor'], [`cursor=${forged([new Date().toISOString(), 'not-a-uuid'])}`, '/query/cursor'],
      [`cursor=${forged([new Date().toISOString()])}`, '/query/cursor'],
    ] as const) {
      const problem = await json<Problem>(callRoute(listTestRunsRoute, { apiKey, params, query }), 400);
      expect(problem.errors, query).toEqual([expect.objectContaining({ path })]);
    }
    await json<Problem>(callRoute(listTestRunsRoute, { apiKey, params: { id: 'not-a-uuid' } }), 400);
  });
});
