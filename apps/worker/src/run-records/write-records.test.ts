import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkflowDefinition } from '@cascade/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunHarness, type RunHarness } from '../testing/run-harness';

let harness: RunHarness;
let server: Server;
let baseUrl: string;
const calls: string[] = [];

// A tenant's endpoint answering text PostgreSQL cannot store: NUL in a value and in a key, a lone surrogate.
beforeAll(async () => {
  harness = await startRunHarness();
  server = createServer((request, response) => {
    calls.push(request.url!);
    request.resume().on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ output: { text: 'a\u0000b', 'key\u0000': 'v', low: ['\uDC00'] } }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 30_000);
afterAll(async () => {
  server?.close();
  await harness?.stop();
});

async function registerRemoteAction(actionId: string, path: string) {
  await harness.db.remoteAction.create({
    data: {
      tenantId: harness.tenant.id, actionId, version: 1, label: actionId, description: 'Answers text PostgreSQL cannot store', category: 'Test',
      inputSchema: { type: 'object' }, outputSchema: { type: 'object' }, idempotent: false, endpoint: `${baseUrl}${path}`,
    },
  });
}

const callThenKeep = (name: string, actionId: string, amount: number): WorkflowDefinition => ({
  schemaVersion: 1,
  name,
  nodes: [
    { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE', filter: `event.data.amountDue = ${amount}` },
    { id: 'call', type: 'action', action: actionId, input: {}, retry: { maxAttempts: 3, initialInterval: 'PT0.1S', backoff: 1, maxInterval: 'PT0.1S' } },
    { id: 'keep', type: 'setVariables', assign: { text: { $expr: 'steps.call.output.text' } } },
    { id: 'done', type: 'end' },
  ],
  edges: [{ id: 'e0', from: 'start', to: 'call' }, { id: 'e1', from: 'call', to: 'keep' }, { id: 'e2', from: 'keep', to: 'done' }],
});

describe('run records of text PostgreSQL cannot store', () => {
  it('records an action output holding NUL and lone surrogates with U+FFFD in their place, noted, and runs the action once', async () => {
    await registerRemoteAction('acme.nul_output', '/nul');
    const { workflowId } = await harness.publish(callThenKeep('NUL output', 'acme.nul_output', 7101));
    const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 7101 });
    const result = await harness.resultOf(workflowId, event.id);

    expect(calls.filter((url) => url === '/nul')).toHaveLength(1);
    expect(result.vars).toEqual({ text: 'a\u0000b' }); // the run itself goes on with what the action answered
    const run = await harness.runOf(workflowId, event.id);
    expect(run.status).toBe('COMPLETED');
    const call = run.steps.find((step) => step.key === 'call')!;
    expect(call).toMatchObject({ status: 'COMPLETED', attempts: 1, output: { text: 'a\uFFFDb', 'key\uFFFD': 'v', low: ['\uFFFD'] } });
    expect(call.error).toEqual({
      type: 'TextReplaced',
      message: expect.stringContaining('U+FFFD'),
      paths: ['/output/text', '/output/key\uFFFD', '/output/low/0'],
    });
    expect(run.steps.find((step) => step.key === 'keep')).toMatchObject({ status: 'COMPLETED', output: { text: 'a\uFFFDb' } });
    const execution = await harness.db.actionExecution.findUniqueOrThrow({ where: { idempotencyKey: `${run.id}:call` } });
    expect(execution.output).toEqual(call.output);
  }, 30_000);

  it('closes a failed run whose error message holds NUL, from a fail node quoting the action', async () => {
    await registerRemoteAction('acme.nul_reason', '/nul');
    const callsBefore = calls.length;
    const definition = callThenKeep('NUL reason', 'acme.nul_reason', 7102);
    definition.nodes.splice(2, 2, { id: 'stop', type: 'fail', message: '"Refused: " & steps.call.output.text' });
    definition.edges = [{ id: 'e0', from: 'start', to: 'call' }, { id: 'e1', from: 'call', to: 'stop' }];
    const { workflowId } = await harness.publish(definition);
    const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 7102 });
    await expect(harness.resultOf(workflowId, event.id)).rejects.toThrow();

    expect(calls.length - callsBefore).toBe(1);
    const run = await harness.runOf(workflowId, event.id);
    expect(run).toMatchObject({ status: 'FAILED', error: { node: 'stop', message: 'Refused: a\uFFFDb' } });
  }, 30_000);
});
