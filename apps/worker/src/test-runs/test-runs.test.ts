import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getEventDefinition } from '@cascade/catalog';
import type { RunEvent } from '@cascade/temporal';
import { startTestRun, testRunWorkflowId, type StubSetting, type TestScope } from '@cascade/temporal/test-runs';
import type { WorkflowDefinition, WorkflowNode } from '@cascade/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startRunHarness, type RunHarness } from '../testing/run-harness';
import type { TestStepWrite } from './test-run-records';

let harness: RunHarness;
/** A local HTTP server that records the requests it receives: a stubbed call must leave it none. */
const server = { url: '', requests: [] as Array<{ method: string; path: string }>, http: undefined as Server | undefined };
beforeAll(async () => {
  harness = await startRunHarness({ testRuns: true });
  server.http = createServer((request, response) => {
    server.requests.push({ method: request.method ?? '', path: request.url ?? '' });
    request.resume().on('end', () => response.writeHead(201, { 'content-type': 'application/json' }).end('{"created":true}'));
  });
  await new Promise<void>((resolve) => server.http!.listen(0, '127.0.0.1', resolve));
  server.url = `http://localhost:${(server.http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.http?.closeAllConnections();
  await new Promise((resolve) => server.http?.close(resolve));
  await harness?.stop();
});

const clientId = randomUUID();

/** trigger → POST to the test server → wait for the client's payment → emit → end */
function draft(name: string, extra: WorkflowNode[] = [], edges?: string[]): WorkflowDefinition {
  const nodes: WorkflowNode[] = [
    { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
    { id: 'post', type: 'action', action: 'http.request', input: { method: 'POST', url: `${server.url}/crm`, body: { invoice: { $expr: 'event.data.invoiceId' } } } },
    { id: 'paid', type: 'waitForEvent', event: 'PAYMENT_RECORDED', timeout: 'PT10M', correlation: { event: 'event.data.clientId', run: 'event.data.clientId' } },
    { id: 'announce', type: 'emit', event: 'billing.plan.changed', data: { tenantId: { $expr: 'run.tenantId' }, oldPlan: 'overdue', newPlan: { $expr: "'paid-' & steps.paid.output.data.amount" } } },
    { id: 'done', type: 'end' },
    ...extra,
  ];
  const links = edges ?? ['start->post', 'post->paid', 'paid->announce:received', 'paid->done:timeout', 'announce->done'];
  return { schemaVersion: 1, name, nodes, edges: links.map((link, index) => {
    const [route, port] = link.split(':');
    const [from, to] = route!.split('->');
    return { id: `e${index}`, from: from!, to: to!, ...(port ? { port } : {}) };
  }) };
}

function sampleEvent(type: string, data: Record<string, unknown>): RunEvent {
  const example = getEventDefinition(type)!.example as Record<string, unknown>;
  return {
    id: randomUUID(), type, version: 1, timestamp: new Date().toISOString(), source: 'test-panel', tenantId: harness.tenant.id,
    correlationId: null, causationId: null, actor: null, data: { ...example, tenantId: harness.tenant.id, ...data }, metadata: null,
  };
}

async function start(definition: WorkflowDefinition, stubs: Record<string, StubSetting> = {}, scoped: { scope?: TestScope; pinned?: Record<string, unknown> } = {}) {
  const workflow = await harness.db.workflow.create({ data: { tenantId: harness.tenant.id, name: `${definition.name} ${randomUUID()}`, draft: definition as object } });
  const id = randomUUID();
  await startTestRun(harness.db, harness.client, {
    id, tenantId: harness.tenant.id, workflowId: workflow.id, definition, event: sampleEvent('INVOICE_OVERDUE', { clientId }), stubs, startedBy: 'tester', taskQueue: harness.testTaskQueue, ...scoped,
  });
  return { id, workflowId: workflow.id, handle: harness.client.workflow.getHandle(testRunWorkflowId(harness.tenant.id, id)) };
}

const stepsOf = async (id: string) => (await harness.db.testRun.findUniqueOrThrow({ where: { id } })).steps as unknown as Record<string, TestStepWrite>;

/** Answers the run's open wait as the test panel does: a matching event by signal, never through the log. */
async function answerWait(id: string, handle: { signal: (name: string, arg: unknown) => Promise<void> }, amount: number) {
  const wait = await eventually(async () => (await stepsOf(id)).paid?.wait);
  await handle.signal('deliverEvent', { waitId: wait.waitId, event: sampleEvent('PAYMENT_RECORDED', { clientId, amount }) });
}

describe('test runs of a draft on the test task queue', () => {
  it('stubs a POST, records the emit without publishing it, and completes once the wait is answered', async () => {
    const { id, workflowId, handle } = await start(draft('Stubbed test'));
    await answerWait(id, handle, 250);
    await handle.result();

    expect(server.requests).toEqual([]);
    const row = await harness.db.testRun.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('COMPLETED');
    const steps = row.steps as unknown as Record<string, TestStepWrite>;
    expect(steps.post).toMatchObject({ status: 'COMPLETED', stubbed: true, output: { status: 0, headers: {}, body: null, url: '' } });
    expect(steps.paid).toMatchObject({ status: 'COMPLETED', wait: { eventType: 'PAYMENT_RECORDED', correlationKey: JSON.stringify(clientId) } });
    expect(steps.announce).toMatchObject({ status: 'COMPLETED', emitted: { type: 'billing.plan.changed', data: { newPlan: 'paid-250' } } });
    expect(Object.keys(steps).sort()).toEqual(['announce', 'done', 'paid', 'post', 'start']);

    // Nothing of it reaches production: no run, no wait row, no emitted event in the log.
    expect(await harness.db.run.count({ where: { workflowId } })).toBe(0);
    expect(await harness.db.wait.count({ where: { tenantId: harness.tenant.id } })).toBe(0);
    expect(await harness.db.event.count({ where: { tenantId: harness.tenant.id, type: 'billing.plan.changed' } })).toBe(0);
  });

  it('lets an allowed action act, and answers an edited canned output for a stubbed one', async () => {
    const { id, handle } = await start(
      draft('Allowed test', [{ id: 'again', type: 'action', action: 'http.request', input: { method: 'PUT', url: `${server.url}/crm/2` } }], ['start->post', 'post->again', 'again->done']),
      { post: { mode: 'allow' }, again: { mode: 'stub', output: { status: 204, headers: {}, body: 'edited', url: 'stub' } } },
    );
    await handle.result();
    expect(server.requests.map((request) => [request.method, request.path])).toEqual([['POST', '/crm']]);
    const steps = await stepsOf(id);
    expect(steps.post).toMatchObject({ status: 'COMPLETED', allowed: true, output: { status: 201, body: { created: true } } });
    expect(steps.post!.stubbed).toBeUndefined();
    expect(steps.again).toMatchObject({ stubbed: true, output: { status: 204, body: 'edited' } });
    server.requests.length = 0;
  });

  it('shows a delay as waiting and ends it when skipped', async () => {
    const { id, handle } = await start(
      draft('Delay test', [{ id: 'later', type: 'delay', duration: 'PT6H' }], ['start->later', 'later->done']),
    );
    const delay = await eventually(async () => (await stepsOf(id)).later);
    expect(delay).toMatchObject({ status: 'RUNNING' });
    await handle.signal('skipDelay', { key: 'later' });
    await handle.result();
    expect((await stepsOf(id)).later).toMatchObject({ status: 'COMPLETED', output: { skipped: true } });
  });

  it('fails the step when a stubbed action would get an input its schema refuses', async () => {
    const { id, handle } = await start(
      draft('Bad input', [{ id: 'bad', type: 'action', action: 'http.request', input: { method: 'POST', url: 'not a url' } }], ['start->bad', 'bad->done']),
    );
    await expect(handle.result()).rejects.toThrow();
    const row = await harness.db.testRun.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('FAILED');
    expect((row.steps as unknown as Record<string, TestStepWrite>).bad).toMatchObject({ status: 'FAILED', error: { type: 'InvalidActionInput' } });
  });
});

/** trigger → look up the client (GET) → merge it with the invoice → POST it to the CRM → end */
function enrichDraft(name: string): WorkflowDefinition {
  return draft(name, [
    { id: 'client', type: 'action', action: 'http.request', input: { method: 'GET', url: `${server.url}/clients/1` } },
    { id: 'merged', type: 'action', action: 'data.merge', input: { objects: [{ $expr: 'steps.client.output.body' }, { invoice: { $expr: 'event.data.invoiceId' } }] } },
    { id: 'push', type: 'action', action: 'http.request', input: { method: 'POST', url: `${server.url}/crm`, body: { $expr: 'steps.merged.output.value' } } },
  ], ['start->client', 'client->merged', 'merged->push', 'push->done']);
}

const pinnedClient = { status: 200, headers: {}, url: 'pinned', body: { name: 'Pinned Client', tier: 'gold' } };

describe('testing one node, up to a node, or from a node', () => {
  it('runs one node alone with the pinned output of the node before it, and nothing else runs', async () => {
    server.requests.length = 0;
    const { id, handle } = await start(enrichDraft('One node'), {}, { scope: { mode: 'node', nodeId: 'merged' }, pinned: { client: pinnedClient } });
    await handle.result();
    const row = await harness.db.testRun.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('COMPLETED');
    expect(row.scope).toEqual({ mode: 'node', nodeId: 'merged', pinned: ['client'] });
    const steps = row.steps as unknown as Record<string, TestStepWrite>;
    expect(Object.keys(steps)).toEqual(['merged']);
    const invoiceId = (row.event as { data: { invoiceId: string } }).data.invoiceId;
    expect(steps.merged).toMatchObject({ status: 'COMPLETED', input: { objects: [pinnedClient.body, { invoice: invoiceId }] }, output: { value: { name: 'Pinned Client', tier: 'gold', invoice: invoiceId } } });
    // The GET before it and the POST after it never ran.
    expect(server.requests).toEqual([]);
  });

  it('tests a side-effecting node alone on pinned input: stubbed, its input resolved, no request made', async () => {
    server.requests.length = 0;
    const { id, handle } = await start(enrichDraft('One POST'), {}, { scope: { mode: 'node', nodeId: 'push' }, pinned: { merged: { value: { name: 'Pinned' } } } });
    await handle.result();
    const steps = await stepsOf(id);
    expect(Object.keys(steps)).toEqual(['push']);
    expect(steps.push).toMatchObject({ status: 'COMPLETED', stubbed: true, input: { method: 'POST', body: { name: 'Pinned' } }, output: { status: 0 } });
    expect(server.requests).toEqual([]);
  });

  it('runs from a node on, the earlier nodes skipped and their pinned outputs used', async () => {
    server.requests.length = 0;
    const { id, handle } = await start(enrichDraft('From here'), {}, { scope: { mode: 'from', nodeId: 'merged' }, pinned: { client: pinnedClient } });
    await handle.result();
    const steps = await stepsOf(id);
    expect(Object.keys(steps).sort()).toEqual(['done', 'merged', 'push']);
    expect(steps.push).toMatchObject({ stubbed: true, input: { body: { name: 'Pinned Client', tier: 'gold' } } });
    expect(server.requests).toEqual([]);
  });

  it('runs up to a node, which is the last to run', async () => {
    server.requests.length = 0;
    const { id, handle } = await start(enrichDraft('Up to here'), {}, { scope: { mode: 'upTo', nodeId: 'merged' } });
    await handle.result();
    const steps = await stepsOf(id);
    expect(Object.keys(steps).sort()).toEqual(['client', 'merged', 'start']);
    // The GET ran for real (it has no side effect); the POST after the node did not.
    expect(server.requests.map((request) => [request.method, request.path])).toEqual([['GET', '/clients/1']]);
    expect(steps.merged).toMatchObject({ status: 'COMPLETED', output: { value: { created: true } } });
  });

  it('shows the error of a node tested alone whose pinned input its action refuses', async () => {
    const { id, handle } = await start(enrichDraft('Refused pin'), {}, { scope: { mode: 'node', nodeId: 'merged' }, pinned: { client: { body: 'not an object' } } });
    await expect(handle.result()).rejects.toThrow();
    const row = await harness.db.testRun.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('FAILED');
    expect((row.steps as unknown as Record<string, TestStepWrite>).merged).toMatchObject({ status: 'FAILED' });
  });
});
