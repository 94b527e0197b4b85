import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSecretStore, parseSecretKey, type SecretStore } from '@cascade/secrets';
import type { WorkflowDefinition, WorkflowNode } from '@cascade/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunHarness, type RunHarness } from '../testing/run-harness';

let harness: RunHarness;
let secrets: SecretStore;
let server: Server;
let port: number;
/** Every request the local endpoint received: path and the credentials it carried. */
const received: Array<{ url: string; authorization?: string; signature?: string }> = [];

beforeAll(async () => {
  harness = await startRunHarness();
  secrets = createSecretStore(harness.db, parseSecretKey(process.env.CASCADE_SECRET_KEY!));
  server = createServer((request, response) => {
    received.push({ url: request.url!, authorization: request.headers.authorization, signature: request.headers['x-cascade-signature'] as string | undefined });
    request.resume();
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    response.setHeader('content-type', 'application/json');
    // Echoes the token the ways a careless (or hostile) service might: each must be redacted.
    response.end(JSON.stringify({
      output: {},
      base64: Buffer.from(token).toString('base64'),
      base64url: Buffer.from(token).toString('base64url'),
      basicAuth: Buffer.from(`user:${token}`).toString('base64'),
      hex: Buffer.from(token).toString('hex'),
      query: `https://crm.example/?t=${encodeURIComponent(token)}`,
      embeddedJson: JSON.stringify({ token }),
    }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server?.close();
  await harness?.stop();
});

const once3 = { maxAttempts: 3, initialInterval: 'PT0.1S', backoff: 1, maxInterval: 'PT0.1S' };
let amount = 7000;

/** Publishes a one-action workflow, runs it for a fresh event, and answers its steps and outcome. */
async function runAction(node: Omit<Extract<WorkflowNode, { type: 'action' }>, 'id' | 'type'>) {
  amount += 1;
  const definition: WorkflowDefinition = {
    schemaVersion: 1,
    name: `Secret reach ${amount}`,
    nodes: [
      { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE', filter: `event.data.amountDue = ${amount}` },
      { id: 'call', type: 'action', retry: once3, ...node } as WorkflowNode,
      { id: 'done', type: 'end' },
    ],
    edges: [{ id: 'e0', from: 'start', to: 'call' }, { id: 'e1', from: 'call', to: 'done' }],
  };
  const { workflowId } = await harness.publish(definition);
  const { event } = await harness.publishEvent('INVOICE_OVERDUE', { amountDue: amount });
  const outcome = await harness.resultOf(workflowId, event.id).then(() => 'completed', () => 'failed');
  const run = await harness.runOf(workflowId, event.id);
  const call = run.steps.find((step) => step.key === 'call')!;
  const history = JSON.stringify(await harness.handleOf(workflowId, event.id).fetchHistory());
  return { outcome, run, call, history };
}

const errorOf = (step: { error: unknown }) => (step.error as { type: string; message: string } | null);
const requestsTo = (path: string) => received.filter((request) => request.url === path);

describe('where a workflow may send a secret', () => {
  it('sends a secret to a host on its allow-list, compared after URL parsing', async () => {
    const token = `tok-${crypto.randomUUID()}`;
    await secrets.put(harness.tenant.id, 'crm_allowed', token, { allowedHosts: ['127.0.0.1'] });
    // 0x7f.0.0.1 is how a workflow might spell 127.0.0.1; the URL parser reads the same host.
    const { outcome, call } = await runAction({ action: 'http.request', input: { url: `http://0x7f.0.0.1:${port}/allowed`, auth: { type: 'bearer', secret: 'crm_allowed' } } });
    expect(outcome).toBe('completed');
    expect(call.status).toBe('COMPLETED');
    expect(requestsTo('/allowed').map((request) => request.authorization)).toEqual([`Bearer ${token}`]);
  });

  it('fails the step at once, naming secret and host, when the host is not on the list; the server receives nothing', async () => {
    const token = `tok-${crypto.randomUUID()}`;
    await secrets.put(harness.tenant.id, 'crm_elsewhere', token, { allowedHosts: ['api.crm.example'] });
    const { outcome, call, run, history } = await runAction({
      action: 'http.request',
      input: { url: `http://localhost:${port}/exfiltrate`, secretHeaders: { 'X-Api-Key': 'crm_elsewhere' } },
    });
    expect(outcome).toBe('failed');
    expect(call).toMatchObject({ status: 'FAILED', attempts: 1 });
    const message = 'The secret "crm_elsewhere" may not be sent to localhost: it may only be sent to api.crm.example. An admin sets its allowed hosts under Settings → Secrets';
    expect(errorOf(call)).toEqual({ type: 'ActionFailed', message });
    expect(run).toMatchObject({ status: 'FAILED', error: { node: 'call', message: expect.stringContaining(message) } });
    expect(requestsTo('/exfiltrate')).toEqual([]);
    expect(JSON.stringify([call.input, call.error, run.error]) + history).not.toContain(token);
  });

  it('refuses a secret that has no allow-list yet, for webhook signatures and remote actions too', async () => {
    await secrets.put(harness.tenant.id, 'hook_key', `whsec-${crypto.randomUUID()}`);
    const webhook = await runAction({ action: 'webhook.send', input: { url: `http://127.0.0.1:${port}/hook`, payload: { a: 1 }, secret: 'hook_key' } });
    expect(webhook.call).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(errorOf(webhook.call)?.message).toContain('The secret "hook_key" may not be sent to 127.0.0.1: no hosts are allowed for it yet.');

    await harness.db.remoteAction.create({
      data: {
        tenantId: harness.tenant.id, actionId: 'crm.sync', version: 1, label: 'Sync', description: 'Signed call', category: 'CRM',
        inputSchema: { type: 'object' }, outputSchema: { type: 'object' }, idempotent: true, endpoint: `http://127.0.0.1:${port}/remote`, signingSecret: 'hook_key',
      },
    });
    const remote = await runAction({ action: 'crm.sync', input: {} });
    expect(remote.call).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(errorOf(remote.call)?.message).toContain('The secret "hook_key" may not be sent to 127.0.0.1');
    expect([...requestsTo('/hook'), ...requestsTo('/remote')]).toEqual([]);

    await secrets.setAllowedHosts(harness.tenant.id, 'hook_key', ['127.0.0.1']);
    expect((await runAction({ action: 'crm.sync', input: {} })).call.status).toBe('COMPLETED');
    expect(requestsTo('/remote')).toEqual([expect.objectContaining({ signature: expect.stringMatching(/^sha256=/) })]);
  });

  it('redacts base64, hex, URL-encoded and JSON-escaped echoes of a secret from step output and history', async () => {
    const token = `tok/${crypto.randomUUID()}?+"`;
    await secrets.put(harness.tenant.id, 'crm_echoed', token, { allowedHosts: ['127.0.0.1'] });
    const { call, history } = await runAction({ action: 'http.request', input: { url: `http://127.0.0.1:${port}/echo`, auth: { type: 'bearer', secret: 'crm_echoed' } } });
    expect(call.status).toBe('COMPLETED');
    const body = (call.output as { body: Record<string, string> }).body;
    for (const field of ['base64', 'base64url', 'hex'] as const) expect(body[field], field).toBe('[redacted:crm_echoed]');
    expect(body.basicAuth).toMatch(/^dXNlcj.*\[redacted:crm_echoed\]/);
    expect(body.query).toBe('https://crm.example/?t=[redacted:crm_echoed]');
    expect(body.embeddedJson).toBe('{"token":"[redacted:crm_echoed]"}');
    const everywhere = JSON.stringify([call.input, call.output]) + history;
    for (const form of [token, Buffer.from(token).toString('base64'), Buffer.from(token).toString('hex'), encodeURIComponent(token), JSON.stringify(token).slice(1, -1)]) {
      expect(everywhere).not.toContain(form);
    }
  });
});
