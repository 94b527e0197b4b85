import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getEventDefinition } from '@cascade/catalog';
import type { Prisma } from '@cascade/db';
import { createSecretStore, parseSecretKey } from '@cascade/secrets';
import { startTracing } from '@cascade/telemetry/setup';
import { startOtlpReceiver, type ReceivedSpan } from '@cascade/telemetry/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTenantWithKey } from '@/test/api';
import { eventually, startWorkerStack } from '@/test/worker-stack';
import { closeServices, db } from '../services';
import { createRequestListener } from './fast-path';

// Tracing on, as OTEL_EXPORTER_OTLP_ENDPOINT turns it on, before the worker starts: the web
// pipeline, the dispatcher, Temporal's interceptors and the actions export to a collector here.
const receiver = await startOtlpReceiver();
const tracing = startTracing('cascade-web', { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url })!;
const stack = await startWorkerStack();

let server: Server;
let port: number;
let crm: Server;
let crmPort: number;
const crmAuthorizations: string[] = [];

beforeAll(async () => {
  server = createServer(createRequestListener(async (_request, response) => void response.writeHead(404).end()));
  crm = createServer((request, response) => {
    const authorization = request.headers.authorization ?? '';
    crmAuthorizations.push(authorization);
    request.resume();
    response.setHeader('content-type', 'application/json');
    // /refuse answers 400 quoting the credential, as a careless service might: the step's failure quotes the body.
    if (request.url === '/refuse') response.writeHead(400).end(JSON.stringify({ error: `bad token ${authorization}` }));
    else response.end('{"updated":true}');
  });
  server.listen(0, '127.0.0.1');
  crm.listen(0, '127.0.0.1');
  await Promise.all([once(server, 'listening'), once(crm, 'listening')]);
  port = (server.address() as AddressInfo).port;
  crmPort = (crm.address() as AddressInfo).port;
});
afterAll(async () => {
  server?.close();
  crm?.close();
  await stack.stop();
  await tracing.shutdown();
  await receiver.stop();
  await closeServices();
});

/** A published one-action workflow: an authenticated call to the local "CRM", with the tenant's secret. */
async function publishCrmWorkflow(tenantId: string, path = '/invoices') {
  const definition = {
    schemaVersion: 1,
    name: 'Traced CRM update',
    nodes: [
      { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
      {
        id: 'call',
        type: 'action',
        action: 'http.request',
        input: { url: `http://127.0.0.1:${crmPort}${path}`, method: 'POST', auth: { type: 'bearer', secret: 'crm_token' }, failOnStatus: true },
        retry: { maxAttempts: 1, initialInterval: 'PT0.1S', backoff: 1, maxInterval: 'PT0.1S' },
      },
      { id: 'done', type: 'end' },
    ],
    edges: [{ id: 'e0', from: 'start', to: 'call' }, { id: 'e1', from: 'call', to: 'done' }],
  } as unknown as Prisma.InputJsonObject;
  const workflow = await db().workflow.create({ data: { tenantId, name: `Traced ${randomUUID()}`, draft: definition } });
  const version = await db().workflowVersion.create({ data: { tenantId, workflowId: workflow.id, version: 1, definition } });
  await db().trigger.create({ data: { tenantId, workflowId: workflow.id, versionId: version.id, eventType: 'INVOICE_OVERDUE' } });
  return workflow.id;
}

/** The span and its ancestors, up to the root of what was exported. */
function ancestry(spans: ReceivedSpan[], span: ReceivedSpan): ReceivedSpan[] {
  const byId = new Map(spans.map((each) => [each.spanId, each]));
  const chain = [span];
  for (let parent = byId.get(span.parentSpanId ?? ''); parent; parent = byId.get(parent.parentSpanId ?? '')) chain.push(parent);
  return chain;
}

/** A tenant with the CRM secret and the workflow calling `path`; publishes one event under a trace of the caller's. */
async function publishTracedEvent(path: string) {
  const { tenantId, apiKey } = await createTenantWithKey(['events:publish']);
  const token = `crm-${randomUUID()}`;
  await createSecretStore(db(), parseSecretKey(process.env.CASCADE_SECRET_KEY!)).put(tenantId, 'crm_token', token, { allowedHosts: ['127.0.0.1'] });
  await publishCrmWorkflow(tenantId, path);
  const traceId = randomBytes(16).toString('hex');
  const callerSpanId = randomBytes(8).toString('hex');
  const example = getEventDefinition('INVOICE_OVERDUE')!.example as Record<string, unknown>;
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', traceparent: `00-${traceId}-${callerSpanId}-01` },
    body: JSON.stringify({ type: 'INVOICE_OVERDUE', source: 'billing', data: { ...example, tenantId } }),
  });
  expect(response.status).toBe(202);
  const eventId = ((await response.json()) as { accepted: Array<{ id: string }> }).accepted[0]!.id;
  return { tenantId, token, traceId, callerSpanId, eventId };
}

/** Where a secret could show up in an export: as sent, and as the Authorization header carried it. */
function expectNotExported(token: string) {
  const exported = receiver.bodies.join('\n');
  for (const form of [token, Buffer.from(token).toString('base64'), JSON.stringify(token).slice(1, -1)]) expect(exported).not.toContain(form);
}

it('follows one event in one trace from the HTTP request (its traceparent honoured) through the dispatcher and Temporal to the action, without the secret it used', async () => {
  const { tenantId, token, traceId, callerSpanId, eventId } = await publishTracedEvent('/invoices');
  await eventually(() => db().run.findFirst({ where: { tenantId, eventId, status: 'COMPLETED' } }).then((run) => run ?? undefined));
  expect(crmAuthorizations).toContain(`Bearer ${token}`);

  // Workflow spans leave the sandbox through a sink after each activation: wait for the action's chain to be whole.
  const action = await eventually(async () => {
    await tracing.flush();
    const span = receiver.spans.find((each) => each.name === 'action http.request' && each.traceId === traceId);
    return span && ancestry(receiver.spans, span).some((each) => each.name === 'RunWorkflow:runWorkflow') ? span : undefined;
  });
  const chain = ancestry(receiver.spans, action);
  console.log(`the action's span and its ancestors: ${chain.map((span) => span.name).join(' ← ')}`);

  expect(chain.map((span) => span.name)).toEqual(
    expect.arrayContaining(['action http.request', 'RunWorkflow:runWorkflow', 'StartWorkflow:runWorkflow', 'start run', 'dispatch event', 'POST /api/v1/events']),
  );
  expect(new Set(chain.map((span) => span.traceId))).toEqual(new Set([traceId]));
  const edge = chain.at(-1)!;
  expect(edge).toMatchObject({ name: 'POST /api/v1/events', parentSpanId: callerSpanId, attributes: { 'http.route': '/api/v1/events', 'http.response.status_code': 202 } });
  expect(chain.find((span) => span.name === 'dispatch event')!.attributes).toMatchObject({ 'cascade.event.id': eventId, 'cascade.event.type': 'INVOICE_OVERDUE' });
  expect(chain.some((span) => span.name.startsWith('RunActivity:'))).toBe(true);

  // The action read the secret and sent it; no exported span holds it.
  expect(receiver.bodies.join('\n')).toContain(traceId);
  expectNotExported(token);
});

it('marks the spans of an action that failed quoting the secret, and exports no part of the secret with the failure', async () => {
  const { tenantId, token, traceId, eventId } = await publishTracedEvent('/refuse');
  const run = await eventually(() => db().run.findFirst({ where: { tenantId, eventId, status: 'FAILED' } }).then((found) => found ?? undefined));
  // The failure the run records is the one Temporal's spans record: redacted of the secret.
  expect(JSON.stringify(run.error)).toContain('answered 400');
  const failed = await eventually(async () => {
    await tracing.flush();
    const action = receiver.spans.find((span) => span.name === 'action http.request' && span.traceId === traceId);
    const workflow = receiver.spans.find((span) => span.name === 'RunWorkflow:runWorkflow' && span.traceId === traceId);
    return action && workflow ? { action, workflow } : undefined;
  });
  expect(failed.action.attributes).toMatchObject({ 'error.type': 'ActionFailure' });
  // The failure message is exported, and it is where the secret would have been: it holds the marker instead.
  expect(JSON.stringify(failed.workflow.raw)).toContain('answered 400');
  expect(JSON.stringify(failed.workflow.raw)).toContain('[redacted:crm_token]');
  expectNotExported(token);
});
