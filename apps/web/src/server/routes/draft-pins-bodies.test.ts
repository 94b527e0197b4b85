import { randomUUID } from 'node:crypto';
import { getEventDefinition } from '@cascade/catalog';
import { afterAll, describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey, expectJson } from '@/test/api';
import { eventually, startWorkerStack } from '@/test/worker-stack';
import type { ProblemDetail } from '@/server/http/problem';
import { closeServices, db } from '@/server/services';
import type { Pinned } from '@/server/test-runs/draft-pins';
import type { TestRunView } from '@/server/test-runs/test-run-view';
import { getDraftPins, pinDraftData } from './draft-pins';
import { getTestRun, startTestRunRoute } from './test-runs';
import { createWorkflow, publishWorkflow } from './workflows';

// Pinning and testing nodes inside forEach bodies through the routes, on the real worker's test task queue.
const stack = await startWorkerStack();
afterAll(async () => {
  await stack.stop();
  await closeServices();
});

const roleChanged = getEventDefinition('auth.role.changed')!.example as Record<string, unknown>;
const merge = (...objects: unknown[]) => ({ type: 'action', action: 'data.merge', input: { objects } });
const expr = ($expr: string) => ({ $expr });

/** trigger → lookup → perRole (each of the new roles: note → tagged → perPart (each part of the role: part)) → end */
function draft(name: string) {
  return {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'start', type: 'trigger', event: 'auth.role.changed' },
      { id: 'lookup', ...merge({ user: expr('event.data.userId') }) },
      {
        id: 'perRole', type: 'forEach', items: 'event.data.newRoles', concurrency: 1,
        body: {
          nodes: [
            { id: 'note', ...merge({ role: expr('steps.perRole.item'), position: expr('steps.perRole.index') }, expr('steps.lookup.output.value')) },
            { id: 'tagged', ...merge(expr('steps.note.output.value'), { tag: 'seen' }) },
            {
              id: 'perPart', type: 'forEach', items: '$split(steps.perRole.item, "_")', concurrency: 1,
              body: { nodes: [{ id: 'part', ...merge({ part: expr('steps.perPart.item'), of: expr('steps.perRole.item'), at: expr('steps.perPart.index') }) }], edges: [{ id: 'b3', from: 'perPart', to: 'part', port: 'item' }] },
            },
          ],
          edges: [
            { id: 'b1', from: 'perRole', to: 'note', port: 'item' },
            { id: 'b2', from: 'note', to: 'tagged' },
            { id: 'b4', from: 'tagged', to: 'perPart' },
          ],
        },
      },
      { id: 'done', type: 'end' },
    ],
    edges: [
      { id: 'e1', from: 'start', to: 'lookup' },
      { id: 'e2', from: 'lookup', to: 'perRole' },
      { id: 'e3', from: 'perRole', to: 'done', port: 'done' },
    ],
  };
}


type Problem = { title: string; errors: ProblemDetail[] };
type PinsAnswer = Pinned & { warnings: Array<{ path: string; message: string }> };

async function tenantWithDraft() {
  const { tenantId, apiKey } = await createTenantWithKey(['admin']);
  const workflow = await expectJson<{ id: string }>(callRoute(createWorkflow, { apiKey, body: { name: `Body pins ${randomUUID()}`, definition: draft(`Body pins ${randomUUID()}`) } }), 201);
  return { tenantId, apiKey, workflowId: workflow.id };
}

const pin = (apiKey: string, workflowId: string, body: unknown) => callRoute(pinDraftData, { apiKey, params: { id: workflowId }, body });

async function testAlone(apiKey: string, workflowId: string, nodeId: string): Promise<TestRunView> {
  const started = await expectJson<TestRunView>(callRoute(startTestRunRoute, { apiKey, params: { id: workflowId }, body: { event: { data: roleChanged }, scope: { mode: 'node', nodeId } } }), 201);
  return eventually(async () => {
    const current = await expectJson<TestRunView>(callRoute(getTestRun, { apiKey, params: { id: workflowId, testRunId: started.id } }), 200);
    return current.status === 'COMPLETED' || current.status === 'FAILED' ? current : undefined;
  });
}

describe('pinned data of nodes inside forEach bodies', () => {
  it('tests a node inside a body whose node is named like a property of every object (constructor)', async () => {
    const { apiKey } = await createTenantWithKey(['admin']);
    const named = JSON.parse(JSON.stringify(draft(`Constructor ${randomUUID()}`)).replaceAll('perRole', 'constructor'));
    const workflow = await expectJson<{ id: string }>(callRoute(createWorkflow, { apiKey, body: { name: named.name, definition: named } }), 201);
    const note = await testAlone(apiKey, workflow.id, 'note');
    expect(note.scope?.items).toEqual({ constructor: expect.objectContaining({ from: 'sample' }) });
    expect(note.steps.map((step) => step.nodeId)).toEqual(['note']);
  });

  it('tests a body node alone on the item the author pinned, with earlier outputs pinned at the top level and in the body', async () => {
    const { apiKey, workflowId } = await tenantWithDraft();
    await expectJson<PinsAnswer>(pin(apiKey, workflowId, { nodeId: 'lookup', source: { kind: 'typed', output: { value: { user: 'pinned-user' } } } }), 200);
    const pinned = await expectJson<PinsAnswer>(pin(apiKey, workflowId, { nodeId: 'perRole', item: { value: 'auditor', index: 3 } }), 200);
    expect(pinned.items.perRole).toMatchObject({ value: 'auditor', index: 3, source: { kind: 'typed' } });

    const note = await testAlone(apiKey, workflowId, 'note');
    expect(note.status).toBe('COMPLETED');
    expect(note.scope).toEqual({ mode: 'node', nodeId: 'note', pinned: ['lookup'], items: { perRole: { item: 'auditor', index: 3, from: 'typed' } } });
    expect(note.steps.map((step) => step.nodeId)).toEqual(['note']);
    expect(note.steps[0]!.output).toEqual({ value: { role: 'auditor', position: 3, user: 'pinned-user' } });

    // An earlier body node's pin stands in for it inside the body.
    await expectJson<PinsAnswer>(pin(apiKey, workflowId, { nodeId: 'note', source: { kind: 'typed', output: { value: { role: 'pinned-note' } } } }), 200);
    const tagged = await testAlone(apiKey, workflowId, 'tagged');
    expect(tagged.steps.map((step) => [step.nodeId, step.output])).toEqual([['tagged', { value: { role: 'pinned-note', tag: 'seen' } }]]);
    expect(tagged.scope?.pinned.sort()).toEqual(['lookup', 'note']);

    // Two bodies deep: each body's item, the outer one pinned and the inner one too.
    await expectJson<PinsAnswer>(pin(apiKey, workflowId, { nodeId: 'perPart', item: { value: 'lead', index: 1 } }), 200);
    const part = await testAlone(apiKey, workflowId, 'part');
    expect(part.steps[0]!.output).toEqual({ value: { part: 'lead', of: 'auditor', at: 1 } });
    expect(part.scope?.items).toEqual({ perRole: { item: 'auditor', index: 3, from: 'typed' }, perPart: { item: 'lead', index: 1, from: 'typed' } });

    // Unpinned, the item is generated from the items' schema again.
    const unpinned = await expectJson<PinsAnswer>(pin(apiKey, workflowId, { nodeId: 'perRole', item: null }), 200);
    expect(Object.keys(unpinned.items)).toEqual(['perPart']);
  });

  it('without a pinned item, runs a body node on one generated from the items’ schema', async () => {
    const { apiKey, workflowId } = await tenantWithDraft();
    await expectJson<PinsAnswer>(pin(apiKey, workflowId, { nodeId: 'lookup', source: { kind: 'typed', output: { value: {} } } }), 200);
    const note = await testAlone(apiKey, workflowId, 'note');
    expect(note.status, JSON.stringify(note.error)).toBe('COMPLETED');
    const generated = note.scope?.items?.perRole;
    expect(generated).toMatchObject({ index: 0, from: 'sample' });
    expect(typeof generated?.item).toBe('string');
    expect(note.steps[0]!.output).toMatchObject({ value: { role: generated!.item, position: 0 } });
  });

  it('takes the item of the iteration a body step pinned from a past run ran in, unless the author typed one', async () => {
    const { tenantId, apiKey, workflowId } = await tenantWithDraft();
    const { id: versionId } = await expectJson<{ id: string }>(callRoute(publishWorkflow, { apiKey, params: { id: workflowId } }), 201);
    const eventId = randomUUID();
    await db().event.create({ data: { tenantId, id: eventId, type: 'auth.role.changed', version: 1, source: 'test', occurredAt: new Date(), data: { ...roleChanged, newRoles: ['member', 'team_lead'] } } });
    const runId = randomUUID();
    await db().run.create({ data: { id: runId, tenantId, workflowId, versionId, eventId, temporalWorkflowId: `body-pins-${runId}` } });
    const step = (key: string, nodeId: string, output: unknown) => db().runStep.create({ data: { runId, nodeId, key, status: 'COMPLETED', output: output as object, startedAt: new Date() } });
    await step('lookup', 'lookup', { value: { user: 'from-run' } });
    await step('perRole[1].note', 'note', { value: { role: 'team_lead', position: 1 } });
    await step('perRole[1].perPart[1].part', 'part', { value: { part: 'lead' } });

    const fromRun = await expectJson<PinsAnswer>(pin(apiKey, workflowId, { nodeId: 'part', source: { kind: 'run', runId, key: 'perRole[1].perPart[1].part' } }), 200);
    expect(fromRun.items).toMatchObject({
      perRole: { value: 'team_lead', index: 1, source: { kind: 'run', runId, key: 'perRole[1].perPart[1].part' } },
      perPart: { value: 'lead', index: 1 },
    });
    const part = await testAlone(apiKey, workflowId, 'part');
    expect(part.scope?.items).toEqual({ perRole: { item: 'team_lead', index: 1, from: 'run' }, perPart: { item: 'lead', index: 1, from: 'run' } });

    // The author's item comes first: a later pin from the run leaves it.
    await expectJson<PinsAnswer>(pin(apiKey, workflowId, { nodeId: 'perRole', item: { value: 'typed-role', index: 0 } }), 200);
    const noteFromRun = await expectJson<PinsAnswer>(pin(apiKey, workflowId, { nodeId: 'note', source: { kind: 'run', runId } }), 200);
    expect(noteFromRun.pins.note).toMatchObject({ output: { value: { role: 'team_lead', position: 1 } }, source: { kind: 'run', key: 'perRole[1].note' } });
    expect(noteFromRun.items.perRole).toMatchObject({ value: 'typed-role', source: { kind: 'typed' } });
    const stored = await expectJson<PinsAnswer>(callRoute(getDraftPins, { apiKey, params: { id: workflowId } }), 200);
    expect(stored.items.perRole?.value).toBe('typed-role');
  });

  it('names the field and the choices when a pin, an item or a scope names no node that fits, and refuses a hostile item', async () => {
    const { apiKey, workflowId } = await tenantWithDraft();
    const every = 'one of lookup, perRole, note, tagged, perPart, part, done';
    const unknown = await expectJson<Problem>(pin(apiKey, workflowId, { nodeId: 'nowhere', source: { kind: 'typed', output: 1 } }), 422);
    expect(unknown.errors).toEqual([expect.objectContaining({ path: '/body/nodeId', expected: every })]);
    const scope = await expectJson<Problem>(callRoute(startTestRunRoute, { apiKey, params: { id: workflowId }, body: { event: { data: roleChanged }, scope: { mode: 'node', nodeId: 'noteTypo' } } }), 422);
    expect(scope.errors).toEqual([expect.objectContaining({ path: '/body/scope/nodeId', expected: every })]);
    const upTo = await expectJson<Problem>(callRoute(startTestRunRoute, { apiKey, params: { id: workflowId }, body: { event: { data: roleChanged }, scope: { mode: 'upTo', nodeId: 'note' } } }), 422);
    expect(upTo.errors).toEqual([expect.objectContaining({ path: '/body/scope/nodeId', expected: 'a top-level node (one of lookup, perRole, done), or mode "node"' })]);

    const notLoop = await expectJson<Problem>(pin(apiKey, workflowId, { nodeId: 'note', item: { value: 'x' } }), 422);
    expect(notLoop.errors).toEqual([expect.objectContaining({ path: '/body/nodeId', expected: 'one of perRole, perPart' })]);
    expect((await expectJson<Problem>(pin(apiKey, workflowId, { nodeId: 'perRole', item: { index: 2 } }), 400)).errors[0]!.path).toBe('/body/item/value');
    expect((await expectJson<Problem>(pin(apiKey, workflowId, { nodeId: 'perRole', item: { value: 'x', index: -1 } }), 400)).errors[0]!.path).toBe('/body/item/index');

    const headers = { 'content-type': 'application/json' };
    await expectJson<Problem>(callRoute(pinDraftData, { apiKey, params: { id: workflowId }, rawBody: '{"nodeId":"perRole","item":{"value":[1,2', headers }), 400);
    const nested = `${'{"a":'.repeat(400)}"bottom"${'}'.repeat(400)}`;
    const began = performance.now();
    const deep = await expectJson<Problem>(callRoute(pinDraftData, { apiKey, params: { id: workflowId }, rawBody: `{"nodeId":"perRole","item":{"value":${nested}}}`, headers }), 422);
    const took = performance.now() - began;
    console.log(`an item nested 400 deep is refused in ${took.toFixed(0)} ms`);
    expect(took).toBeLessThan(2000);
    expect(deep.errors[0]!.path).toMatch(/^\/body\/item\/value(\/a){64}$/);
    expect((await expectJson<PinsAnswer>(callRoute(getDraftPins, { apiKey, params: { id: workflowId } }), 200)).items).toEqual({});
  });
});
