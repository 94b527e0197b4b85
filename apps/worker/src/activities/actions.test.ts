import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSecretStore, parseSecretKey } from '@cascade/secrets';
import { runWorkflowId } from '@cascade/temporal';
import { restartFailedRun } from '@cascade/temporal/restart-run';
import type { WorkflowDefinition, WorkflowNode } from '@cascade/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunHarness, type RunHarness } from '../testing/run-harness';

let harness: RunHarness;
let server: Server;
let baseUrl: string;
/** What the local endpoint received, and how it should answer the next remote-action call. */
const received: Array<{ url: string; authorization?: string; body: unknown }> = [];
let failItem: number | undefined;

async function readJson(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text ? JSON.parse(text) : null;
}

beforeAll(async () => {
  harness = await startRunHarness();
  server = createServer((request, response) => {
    void readJson(request).then((body) => {
      received.push({ url: request.url!, authorization: request.headers.authorization, body });
      response.setHeader('content-type', 'application/json');
      if (request.url === '/echo') return response.end(JSON.stringify({ youSent: request.headers.authorization }));
      if (request.url === '/flaky') {
        const calls = received.filter((r) => r.url === '/flaky').length;
        response.statusCode = calls <= 2 ? 503 : 200;
        return response.end(JSON.stringify(calls <= 2 ? { error: 'busy' } : { output: { ticket: 'T-flaky' } }));
      }
      const { input } = body as { input: { item: number } };
      if (input.item === failItem) {
        response.statusCode = 400;
        return response.end(JSON.stringify({ error: `item ${input.item} refused` }));
      }
      response.end(JSON.stringify({ output: { ticket: `T-${input.item}` } }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.close();
  await harness?.stop();
});

const definition = (name: string, filterAmount: number, nodes: WorkflowNode[], edges: Array<[string, string, string?]>): WorkflowDefinition => ({
  schemaVersion: 1,
  name,
  nodes: [{ id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE', filter: `event.data.amountDue = ${filterAmount}` }, ...nodes, { id: 'done', type: 'end' }],
  edges: edges.map(([from, to, port], index) => ({ id: `e${index}`, from, to, ...(port ? { port } : {}) })),
});

describe('actions inside runs', () => {
  it('reveals a secret to the action and keeps it out of step records, action outcomes and Temporal history', async () => {
    const secrets = createSecretStore(harness.db, parseSecretKey(process.env.CASCADE_SECRET_KEY!));
    const token = `tok-${crypto.randomUUID()}`;
    await secrets.put(harness.tenant.id, 'crm_token', token, { allowedHosts: ['127.0.0.1'] });
    const { workflowId } = await harness.publish(
      definition('Call CRM', 6001, [
        { id: 'call', type: 'action', action: 'http.request', input: { method: 'POST', url: `${baseUrl}/echo`, body: { hello: 'crm' }, auth: { type: 'bearer', secret: 'crm_token' } } },
      ], [['start', 'call'], ['call', 'done']]),
    );
    const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 6001 });
    await harness.resultOf(workflowId, event.id);

    expect(received.find((r) => r.url === '/echo')?.authorization).toBe(`Bearer ${token}`);
    const run = await harness.runOf(workflowId, event.id);
    const call = run.steps.find((s) => s.key === 'call')!;
    expect(call.output).toMatchObject({ status: 200, body: { youSent: 'Bearer [redacted:crm_token]' } });
    const stored = JSON.stringify([run.steps.map(({ input, output, error }) => ({ input, output, error })), await harness.db.actionExecution.findMany({ where: { tenantId: harness.tenant.id } })]);
    expect(stored).not.toContain(token);
    const history = JSON.stringify(await harness.handleOf(workflowId, event.id).fetchHistory());
    expect(history).not.toContain(token);
  });

  it('writes the in-app inbox through notification.send', async () => {
    const { workflowId } = await harness.publish(
      definition('Notify', 6002, [
        { id: 'tell', type: 'action', action: 'notification.send', input: { recipient: 'finance', title: 'Overdue', body: { $expr: "'Invoice ' & event.data.invoiceId" } } },
      ], [['start', 'tell'], ['tell', 'done']]),
    );
    const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 6002 });
    await harness.resultOf(workflowId, event.id);
    const run = await harness.runOf(workflowId, event.id);
    const inbox = await harness.db.notification.findMany({ where: { tenantId: harness.tenant.id, runId: run.id } });
    expect(inbox).toEqual([expect.objectContaining({ recipient: 'finance', title: 'Overdue', body: `Invoice ${(event.data as { invoiceId: string }).invoiceId}` })]);
  });

  it('calls a tenant’s remote action, and a retry from the failed step does not repeat the calls that succeeded', async () => {
    await harness.db.remoteAction.create({
      data: {
        tenantId: harness.tenant.id, actionId: 'helpdesk.create_ticket', version: 1, label: 'Create ticket', description: 'Opens a ticket', category: 'Helpdesk',
        inputSchema: { type: 'object', properties: { item: { type: 'integer' } }, required: ['item'] },
        outputSchema: { type: 'object', properties: { ticket: { type: 'string' } }, required: ['ticket'] },
        idempotent: true, endpoint: `${baseUrl}/tickets`,
      },
    });
    const { workflowId } = await harness.publish(
      definition('Ticket per line', 6003, [
        {
          id: 'lines', type: 'forEach', items: '[1, 2, 3]', concurrency: 1,
          body: {
            nodes: [{ id: 'open', type: 'action', action: 'helpdesk.create_ticket', input: { item: { $expr: 'steps.lines.item' } }, retry: { maxAttempts: 1, initialInterval: 'PT1S', backoff: 1, maxInterval: 'PT1S' } }],
            edges: [{ id: 'b0', from: 'lines', to: 'open', port: 'item' }],
          },
        },
        { id: 'count', type: 'setVariables', assign: { tickets: { $expr: 'steps.lines.output.open.ticket' } } },
      ], [['start', 'lines'], ['lines', 'count', 'done'], ['count', 'done']]),
    );
    failItem = 3;
    const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 6003 });
    await expect(harness.resultOf(workflowId, event.id)).rejects.toThrow();
    const failed = await harness.runOf(workflowId, event.id);
    expect(failed).toMatchObject({ status: 'FAILED', error: { node: 'lines[2].open', message: expect.stringContaining('item 3 refused') } });
    const callsFor = (item: number) => received.filter((r) => r.url === '/tickets' && (r.body as { input: { item: number } }).input.item === item).length;
    expect([callsFor(1), callsFor(2), callsFor(3)]).toEqual([1, 1, 1]);

    failItem = undefined; // the cause is fixed
    await restartFailedRun(harness.db, harness.client, { ...failed, eventId: event.id }, harness.taskQueue);
    expect((await harness.resultOf(workflowId, event.id)).vars).toEqual({ tickets: ['T-1', 'T-2', 'T-3'] });
    expect([callsFor(1), callsFor(2), callsFor(3)]).toEqual([1, 1, 2]);
    expect((await harness.runOf(workflowId, event.id)).status).toBe('COMPLETED');
    expect(runWorkflowId(workflowId, event.id)).toBe(failed.temporalWorkflowId);
  });

  it('retries a failing step by its node’s policy and records the attempts it took', async () => {
    await harness.db.remoteAction.create({
      data: {
        tenantId: harness.tenant.id, actionId: 'helpdesk.flaky', version: 1, label: 'Flaky', description: 'Busy twice', category: 'Helpdesk',
        inputSchema: { type: 'object' }, outputSchema: { type: 'object' }, idempotent: true, endpoint: `${baseUrl}/flaky`,
      },
    });
    const { workflowId } = await harness.publish(
      definition('Flaky', 6004, [
        { id: 'call', type: 'action', action: 'helpdesk.flaky', input: {}, retry: { maxAttempts: 3, initialInterval: 'PT0.1S', backoff: 2, maxInterval: 'PT1S' } },
      ], [['start', 'call'], ['call', 'done']]),
    );
    const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: 6004 });
    await harness.resultOf(workflowId, event.id);
    const call = (await harness.runOf(workflowId, event.id)).steps.find((s) => s.key === 'call');
    expect(call).toMatchObject({ status: 'COMPLETED', attempts: 3, output: { ticket: 'T-flaky' }, error: null });
  });
});
