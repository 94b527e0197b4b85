import { randomUUID } from 'node:crypto';
import { getEventDefinition } from '@cascade/catalog';
import { afterAll, describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey, expectJson } from '@/test/api';
import { recordingServer } from '@/test/recording-server';
import { eventually, startWorkerStack } from '@/test/worker-stack';
import type { ProblemDetail } from '@/server/http/problem';
import { closeServices, db } from '@/server/services';
import { PIN_LIMITS, type DraftPins } from '@/server/test-runs/draft-pins';
import type { TestRunView } from '@/server/test-runs/test-run-view';
import { getDraftPins, pinDraftData } from './draft-pins';
import { getTestRun, startTestRunRoute } from './test-runs';
import { createWorkflow, getWorkflow, publishWorkflow } from './workflows';

// Pins and scoped test runs through the routes, on the real worker's test task queue.
const stack = await startWorkerStack();
const crm = recordingServer();
afterAll(async () => {
  await stack.stop();
  await closeServices();
});

const overdue = getEventDefinition('INVOICE_OVERDUE')!.example as Record<string, unknown>;

/** trigger → GET the client → merge it with the invoice → POST the result → end */
function draft(name: string) {
  return {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
      { id: 'client', type: 'action', action: 'http.request', input: { method: 'GET', url: `${crm.url}/clients/1` } },
      { id: 'merged', type: 'action', action: 'data.merge', input: { objects: [{ $expr: 'steps.client.output.body' }, { invoice: { $expr: 'event.data.invoiceId' } }] } },
      { id: 'push', type: 'action', action: 'http.request', input: { method: 'POST', url: `${crm.url}/notes`, body: { $expr: 'steps.merged.output.value' } } },
      { id: 'done', type: 'end' },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'client' },
      { id: 'e2', from: 'client', to: 'merged' },
      { id: 'e3', from: 'merged', to: 'push' },
      { id: 'e4', from: 'push', to: 'done' },
    ],
  };
}


type Problem = { title: string; errors: ProblemDetail[] };
type PinsAnswer = { pins: DraftPins; warnings: Array<{ path: string; message: string }> };

async function tenantWithDraft() {
  const { tenantId, apiKey } = await createTenantWithKey(['admin']);
  const workflow = await expectJson<{ id: string }>(callRoute(createWorkflow, { apiKey, body: { name: `Pins ${randomUUID()}`, definition: draft(`Pins ${randomUUID()}`) } }), 201);
  return { tenantId, apiKey, workflowId: workflow.id };
}

const pin = (apiKey: string, workflowId: string, body: unknown) => callRoute(pinDraftData, { apiKey, params: { id: workflowId }, body });
const pinnedClient = { status: 200, headers: {}, url: 'pinned', body: { name: 'Pinned Client', tier: 'gold' } };

describe('pinned data of a draft', () => {
  it('tests one node alone on its pinned input: the node runs, nothing before or after it does', async () => {
    const { apiKey, workflowId } = await tenantWithDraft();
    await expectJson<PinsAnswer>(pin(apiKey, workflowId, { nodeId: 'client', source: { kind: 'typed', output: pinnedClient } }), 200);
    crm.requests.length = 0;
    const started = await expectJson<TestRunView>(
      callRoute(startTestRunRoute, { apiKey, params: { id: workflowId }, body: { event: { data: { ...overdue, invoiceId: 'INV-9' } }, scope: { mode: 'node', nodeId: 'merged' } } }),
      201,
    );
    const view = await eventually(async () => {
      const current = await expectJson<TestRunView>(callRoute(getTestRun, { apiKey, params: { id: workflowId, testRunId: started.id } }), 200);
      return current.status === 'COMPLETED' ? current : undefined;
    });
    expect(view.scope).toEqual({ mode: 'node', nodeId: 'merged', pinned: ['client'] });
    expect(view.steps.map((step) => step.nodeId)).toEqual(['merged']);
    expect(view.steps[0]).toMatchObject({ input: { objects: [pinnedClient.body, { invoice: 'INV-9' }] }, output: { value: { name: 'Pinned Client', tier: 'gold', invoice: 'INV-9' } } });
    expect(crm.requests).toEqual([]);
  });

  it('runs from a node with the earlier outputs pinned from a past run, the earlier nodes not run', async () => {
    const { tenantId, apiKey, workflowId } = await tenantWithDraft();
    const { id: versionId } = await expectJson<{ id: string }>(callRoute(publishWorkflow, { apiKey, params: { id: workflowId } }), 201);
    const runId = randomUUID();
    await db().run.create({ data: { id: runId, tenantId, workflowId, versionId, temporalWorkflowId: `pins-${runId}` } });
    await db().runStep.create({ data: { runId, nodeId: 'client', key: 'client', status: 'COMPLETED', output: { body: { name: 'From the run' } }, startedAt: new Date() } });
    await db().runStep.create({ data: { runId, nodeId: 'merged', key: 'merged', status: 'COMPLETED', output: { value: { name: 'From the run', invoice: 'INV-RUN' } }, startedAt: new Date() } });
    await expectJson<PinsAnswer>(pin(apiKey, workflowId, { fromRunId: runId }), 200);
    crm.requests.length = 0;
    const started = await expectJson<TestRunView>(callRoute(startTestRunRoute, { apiKey, params: { id: workflowId }, body: { event: { data: overdue }, scope: { mode: 'from', nodeId: 'push' } } }), 201);
    const view = await eventually(async () => {
      const current = await expectJson<TestRunView>(callRoute(getTestRun, { apiKey, params: { id: workflowId, testRunId: started.id } }), 200);
      return current.status === 'COMPLETED' ? current : undefined;
    });
    expect(view.scope).toEqual({ mode: 'from', nodeId: 'push', pinned: ['client', 'merged'] });
    expect(view.steps.map((step) => step.nodeId)).toEqual(['push', 'done']);
    expect(view.stubbedCalls).toEqual([expect.objectContaining({ nodeId: 'push', input: expect.objectContaining({ body: { name: 'From the run', invoice: 'INV-RUN' } }) })]);
    expect(view.nodes.find((node) => node.nodeId === 'client')?.state).not.toBe('completed');
    expect(crm.requests).toEqual([]);
  });

  it('pins typed, sample and past-run outputs with the draft, and never publishes them', async () => {
    const { tenantId, apiKey, workflowId } = await tenantWithDraft();
    const typed = await expectJson<PinsAnswer>(pin(apiKey, workflowId, { nodeId: 'client', source: { kind: 'typed', output: { status: 'two hundred' } } }), 200);
    expect(typed.pins.client).toMatchObject({ output: { status: 'two hundred' }, source: { kind: 'typed' } });
    // Kept, but the author is told it does not fit http.request's output.
    expect(typed.warnings.map((warning) => warning.path)).toContain('/body/source/output/status');

    const sample = await expectJson<PinsAnswer>(pin(apiKey, workflowId, { nodeId: 'push', source: { kind: 'sample' } }), 200);
    expect(sample.pins.push).toMatchObject({ output: { status: 0, headers: {}, body: null, url: '' }, source: { kind: 'sample' } });

    const { id: versionId } = await expectJson<{ id: string }>(callRoute(publishWorkflow, { apiKey, params: { id: workflowId } }), 201);
    const runId = randomUUID();
    await db().run.create({ data: { id: runId, tenantId, workflowId, versionId, temporalWorkflowId: `pins-${runId}` } });
    await db().runStep.create({ data: { runId, nodeId: 'merged', key: 'merged', status: 'COMPLETED', output: { value: { from: 'run' } }, startedAt: new Date() } });
    await db().runStep.create({ data: { runId, nodeId: 'client', key: 'client', status: 'COMPLETED', output: { body: { from: 'run' } }, startedAt: new Date() } });
    const copied = await expectJson<PinsAnswer>(pin(apiKey, workflowId, { nodeId: 'merged', source: { kind: 'run', runId } }), 200);
    expect(copied.pins.merged).toMatchObject({ output: { value: { from: 'run' } }, source: { kind: 'run', runId, key: 'merged' } });
    const all = await expectJson<PinsAnswer>(pin(apiKey, workflowId, { fromRunId: runId }), 200);
    expect(all.pins.client).toMatchObject({ output: { body: { from: 'run' } }, source: { kind: 'run', runId, key: 'client' } });
    expect(Object.keys(all.pins).sort()).toEqual(['client', 'merged', 'push']);

    const unpinned = await expectJson<PinsAnswer>(pin(apiKey, workflowId, { nodeId: 'push', source: null }), 200);
    expect(Object.keys(unpinned.pins).sort()).toEqual(['client', 'merged']);
    expect(Object.keys((await expectJson<PinsAnswer>(callRoute(getDraftPins, { apiKey, params: { id: workflowId } }), 200)).pins).sort()).toEqual(['client', 'merged']);

    // Published after pinning: neither the version nor the draft carries a pin.
    const version = await expectJson<{ definition: object }>(callRoute(publishWorkflow, { apiKey, params: { id: workflowId } }), 201);
    const stored = await db().workflowVersion.findMany({ where: { workflowId } });
    const draftNow = (await expectJson<{ draft: object }>(callRoute(getWorkflow, { apiKey, params: { id: workflowId } }), 200)).draft;
    for (const definition of [version.definition, draftNow, ...stored.map((row) => row.definition)]) {
      expect(definition).not.toHaveProperty('pins');
      expect(JSON.stringify(definition)).not.toMatch(/pinnedAt|two hundred|"from":"run"/);
    }
  });

  it('names the field when a pin or a scope names no node of the draft, or the trigger', async () => {
    const { apiKey, workflowId } = await tenantWithDraft();
    const unknown = await expectJson<Problem>(pin(apiKey, workflowId, { nodeId: 'nowhere', source: { kind: 'typed', output: 1 } }), 422);
    expect(unknown.errors).toEqual([expect.objectContaining({ path: '/body/nodeId', expected: 'one of client, merged, push, done' })]);
    expect((await expectJson<Problem>(pin(apiKey, workflowId, { nodeId: 'start', source: { kind: 'typed', output: 1 } }), 422)).errors[0]!.path).toBe('/body/nodeId');
    expect((await expectJson<Problem>(pin(apiKey, workflowId, { nodeId: 'done', source: { kind: 'sample' } }), 422)).errors[0]!.path).toBe('/body/source/kind');
    expect((await expectJson<Problem>(pin(apiKey, workflowId, { nodeId: 'merged', source: { kind: 'run', runId: randomUUID() } }), 422)).errors[0]!.path).toBe('/body/source');
    expect((await expectJson<Problem>(pin(apiKey, workflowId, { fromRunId: randomUUID() }), 422)).errors[0]!.path).toBe('/body/runId');
    const scope = await expectJson<Problem>(callRoute(startTestRunRoute, { apiKey, params: { id: workflowId }, body: { event: { data: overdue }, scope: { mode: 'node', nodeId: 'nowhere' } } }), 422);
    expect(scope.errors[0]!.path).toBe('/body/scope/nodeId');
    expect((await expectJson<Problem>(callRoute(startTestRunRoute, { apiKey, params: { id: workflowId }, body: { event: { data: overdue }, scope: { mode: 'sideways', nodeId: 'push' } } }), 400)).errors[0]!.path).toBe('/body/scope/mode');
  });

  it('refuses an oversized or deeply nested pin, and bounds all pins of a draft together', async () => {
    const { apiKey, workflowId } = await tenantWithDraft();
    const huge = 'x'.repeat(PIN_LIMITS.outputBytes + 1);
    await expectJson<Problem>(pin(apiKey, workflowId, { nodeId: 'client', source: { kind: 'typed', output: huge } }), 413);
    await expectJson<Problem>(pin(apiKey, workflowId, { nodeId: 'client', source: { kind: 'typed', output: 'x'.repeat(PIN_LIMITS.outputBytes + 20 * 1024) } }), 413);

    // Written as text: 20,000 levels are more than JSON.stringify would nest.
    const nested = `${'['.repeat(400)}"bottom"${']'.repeat(400)}`;
    const rawBody = `{"nodeId":"client","source":{"kind":"typed","output":${nested}}}`;
    const began = performance.now();
    const deep = await expectJson<Problem>(callRoute(pinDraftData, { apiKey, params: { id: workflowId }, rawBody, headers: { 'content-type': 'application/json' } }), 422);
    const took = performance.now() - began;
    console.log(`a pin nested 400 deep is refused in ${took.toFixed(0)} ms`);
    expect(took).toBeLessThan(2000);
    expect(deep.errors[0]!.path).toMatch(/^\/body\/source\/output(\/0){64}$/);

    // Four outputs of just under the limit each are more than the draft's pins may hold together.
    const nearLimit = 'y'.repeat(PIN_LIMITS.outputBytes - 100);
    for (const nodeId of ['client', 'merged', 'push']) await expectJson<PinsAnswer>(pin(apiKey, workflowId, { nodeId, source: { kind: 'typed', output: nearLimit } }), 200);
    const over = await expectJson<Problem>(pin(apiKey, workflowId, { nodeId: 'done', source: { kind: 'typed', output: nearLimit } }), 413);
    expect(over.errors[0]!.path).toBe('/body');
    // Replacing a pin by a smaller one is within bounds.
    const smaller = await expectJson<PinsAnswer>(pin(apiKey, workflowId, { nodeId: 'client', source: { kind: 'typed', output: 'small' } }), 200);
    expect(smaller.pins.client!.output).toBe('small');
  });

  it('answers another tenant’s workflow as one that does not exist, and copies no other tenant’s run', async () => {
    const a = await tenantWithDraft();
    const b = await tenantWithDraft();
    await expectJson<Problem>(pin(b.apiKey, a.workflowId, { nodeId: 'client', source: { kind: 'typed', output: 1 } }), 404);
    await expectJson<Problem>(callRoute(getDraftPins, { apiKey: b.apiKey, params: { id: a.workflowId } }), 404);
    const { id: versionId } = await expectJson<{ id: string }>(callRoute(publishWorkflow, { apiKey: a.apiKey, params: { id: a.workflowId } }), 201);
    const runId = randomUUID();
    await db().run.create({ data: { id: runId, tenantId: a.tenantId, workflowId: a.workflowId, versionId, temporalWorkflowId: `pins-${runId}` } });
    await db().runStep.create({ data: { runId, nodeId: 'merged', key: 'merged', status: 'COMPLETED', output: { secret: 'of a' }, startedAt: new Date() } });
    await expectJson<Problem>(pin(b.apiKey, b.workflowId, { nodeId: 'merged', source: { kind: 'run', runId } }), 422);
    await expectJson<Problem>(pin(b.apiKey, b.workflowId, { fromRunId: runId }), 422);
  });
});
