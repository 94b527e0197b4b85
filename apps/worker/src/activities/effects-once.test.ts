import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkflowDefinition, WorkflowNode } from '@cascade/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startRunHarness, type RunHarness } from '../testing/run-harness';
import { startWorkerProcess } from '../testing/spawn-worker';

// A side effect done, then its worker killed before the step is recorded: the run resumes on
// another worker, and what the target sees depends on what the action promises.
let harness: RunHarness;
let target: Server;
let baseUrl: string;
const workers: ChildProcess[] = [];
/** Requests the target received, by path, with their Idempotency-Key; the ones held unanswered until the kill. */
const received: Array<{ path: string; key: string | undefined }> = [];
const held: ServerResponse[] = [];

/** A new worker process on the harness's task queue, killed after the tests. */
async function newWorker(): Promise<ChildProcess> {
  const worker = await startWorkerProcess({ taskQueue: harness.taskQueue });
  workers.push(worker);
  return worker;
}

/** The worker process still running, or a new one. */
async function aWorker(): Promise<ChildProcess> {
  return workers.find((worker) => worker.exitCode === null && worker.signalCode === null) ?? newWorker();
}

beforeAll(async () => {
  harness = await startRunHarness({ inProcessWorker: false });
  target = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const key = request.headers['idempotency-key'] as string | undefined;
      const repeat = received.some((r) => r.key === key);
      received.push({ path: request.url!, key });
      response.setHeader('content-type', 'application/json');
      // First sight of a key: the effect is done, and the answer held until the worker is killed.
      if (!repeat) held.push(response);
      else response.end(JSON.stringify({ output: { ticket: 'T-1', deduplicated: true } }));
    });
  });
  target.listen(0, '127.0.0.1');
  await once(target, 'listening');
  baseUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  await harness.db.remoteAction.create({
    data: {
      tenantId: harness.tenant.id, actionId: 'helpdesk.open_ticket', version: 1, label: 'Open ticket', description: 'Opens a ticket once per key', category: 'Helpdesk',
      inputSchema: { type: 'object' }, outputSchema: { type: 'object' }, idempotent: true, endpoint: `${baseUrl}/tickets`,
    },
  });
}, 60_000);

afterAll(async () => {
  for (const worker of workers) worker.kill('SIGKILL');
  for (const response of held) response.destroy();
  target?.close();
  await harness?.stop();
});

const definition = (name: string, amount: number, call: WorkflowNode): WorkflowDefinition => ({
  schemaVersion: 1,
  name,
  nodes: [{ id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE', filter: `event.data.amountDue = ${amount}` }, call, { id: 'done', type: 'end' }],
  edges: [{ id: 'e0', from: 'start', to: 'call' }, { id: 'e1', from: 'call', to: 'done' }],
});

describe('side effects across a worker killed between the effect and its record', () => {
  it('repeats an idempotent effect under the same key, and refuses to repeat one that is not', async () => {
    const post = (path: string) => ({ method: 'POST', url: `${baseUrl}${path}`, body: { invoice: path } });
    const flows = {
      unsafe: await harness.publish(definition('Charge card', 7001, { id: 'call', type: 'action', action: 'http.request', input: post('/charge') })),
      idempotent: await harness.publish(definition('Open ticket', 7002, { id: 'call', type: 'action', action: 'helpdesk.open_ticket', input: { invoice: 'x' } })),
      allowed: await harness.publish(definition('Refresh cache', 7003, { id: 'call', type: 'action', action: 'http.request', input: post('/refresh'), repeatUncertain: true })),
    };
    const first = await aWorker();
    const events = {
      unsafe: (await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 7001 })).event,
      idempotent: (await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 7002 })).event,
      allowed: (await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 7003 })).event,
    };

    // All three effects reached the target; the worker dies before any answer reaches it.
    await eventually(async () => (held.length === 3 ? true : undefined), 30_000);
    first.kill('SIGKILL');
    await once(first, 'exit');
    for (const response of held.splice(0)) response.destroy();
    await newWorker();

    const outcome = async (name: keyof typeof flows) => {
      await harness.resultOf(flows[name].workflowId, events[name].id).catch(() => undefined);
      return harness.runOf(flows[name].workflowId, events[name].id);
    };
    const keysFor = (path: string) => received.filter((r) => r.path === path).map((r) => r.key);

    const unsafe = await outcome('unsafe');
    expect(keysFor('/charge')).toHaveLength(1);
    expect(unsafe.status).toBe('FAILED');
    expect(unsafe.steps.find((step) => step.key === 'call')?.error).toMatchObject({
      type: 'UncertainEffect',
      message: expect.stringContaining('http.request may already have acted') as unknown,
    });

    const idempotent = await outcome('idempotent');
    expect(idempotent.status).toBe('COMPLETED');
    const ticketKeys = keysFor('/tickets');
    expect(ticketKeys).toHaveLength(2);
    expect(new Set(ticketKeys)).toEqual(new Set([`${idempotent.id}:call`]));

    const allowed = await outcome('allowed');
    expect(allowed.status).toBe('COMPLETED');
    expect(keysFor('/refresh')).toEqual([`${allowed.id}:call`, `${allowed.id}:call`]);
  }, 120_000);

  it('does not retry an action that is not idempotent after its step timed out mid-request', async () => {
    await aWorker();
    const slow = { id: 'call', type: 'action', action: 'http.request', input: { method: 'POST', url: `${baseUrl}/slow`, body: {} }, timeout: 'PT1S' } as WorkflowNode;
    const { workflowId } = await harness.publish(definition('Slow charge', 7004, slow));
    const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 7004 });
    await expect(harness.resultOf(workflowId, event.id)).rejects.toThrow();

    const run = await harness.runOf(workflowId, event.id);
    expect(received.filter((r) => r.path === '/slow')).toHaveLength(1);
    expect(run.steps.find((step) => step.key === 'call')?.error).toMatchObject({ type: 'UncertainEffect' });
  }, 60_000);
});
