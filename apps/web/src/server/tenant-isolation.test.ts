import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { API_KEY_SCOPES } from '@cascade/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { callRoute, createApiKey, createSignedInUser } from '@/test/api';
import { definition as templateDefinition, parameterSchema } from '@/test/templates';
import type { Route } from './http/define-route';
import { routes } from './routes';
import { putRemoteAction } from './routes/actions';
import { createApiKey as createApiKeyRoute } from './routes/api-keys';
import { registerEventType } from './routes/catalog';
import { publishEvents } from './routes/events';
import { putSecret } from './routes/secrets';
import { registerTemplateRoute } from './routes/templates';
import { createWebhookSubscription } from './routes/webhooks';
import { createWorkflow, publishWorkflow } from './routes/workflows';
import { templatePageOf } from '@/app/templates/_server/template-pages';
import { tenantCatalog } from './catalog';
import { findEvent } from './event-log';
import { HttpError } from './http/problem';
import { findCapturedEmail } from './mailboxes';
import { loadRunView } from './run-view/run-view';
import { findWorkflow } from './routes/workflows';
import { db } from './services';

/**
 * The tenant isolation matrix: every route, called by every kind of principal of tenant B (an API
 * key of each scope, one with all of them, a user of each role) against tenant A's resources of
 * every kind. A's resource must be indistinguishable from one that does not exist (same status,
 * same problem), no answer may carry anything of A's, and nothing of A's may change. The route
 * list is the server's own, so a new route is in the matrix the day it is added, and fails here
 * until it says which of A's resources its path parameters name.
 */

type Principal = { name: string; headers: Record<string, string>; viewer: boolean };

/** One tenant's resources of every kind, each named with a token found nowhere else. */
interface Resources {
  tenantId: string;
  /** In the content of every resource (names, payloads, descriptions, values). */
  token: string;
  /** In the identifiers callers name resources by; a call may echo back what it named. */
  idToken: string;
  eventId: string;
  deadEventId: string;
  workflowId: string;
  runId: string;
  testRunId: string;
  approvalId: string;
  templateKey: string;
  secretName: string;
  eventType: string;
  actionId: string;
  apiKeyId: string;
  emailId: string;
  webhookId: string;
  deliveryId: string;
}

/** What each path parameter of each route names among a tenant's resources; `missing` is a value naming nothing. */
const PARAMETERS: Record<string, (r: Resources) => Record<string, string>> = {
  '/api/v1/catalog/events/{type}': (r) => ({ type: r.eventType }),
  '/api/v1/catalog/events/{type}/impact': (r) => ({ type: r.eventType }),
  '/api/v1/events/{id}': (r) => ({ id: r.eventId }),
  '/api/v1/events/{id}/replay': (r) => ({ id: r.deadEventId }),
  '/api/v1/workflows/{id}': (r) => ({ id: r.workflowId }),
  '/api/v1/workflows/{id}/versions': (r) => ({ id: r.workflowId }),
  '/api/v1/workflows/{id}/publish': (r) => ({ id: r.workflowId }),
  '/api/v1/workflows/{id}/template-upgrade': (r) => ({ id: r.workflowId }),
  '/api/v1/workflows/{id}/test-plan': (r) => ({ id: r.workflowId }),
  '/api/v1/workflows/{id}/pins': (r) => ({ id: r.workflowId }),
  '/api/v1/workflows/{id}/test-runs': (r) => ({ id: r.workflowId }),
  '/api/v1/workflows/{id}/test-runs/{testRunId}': (r) => ({ id: r.workflowId, testRunId: r.testRunId }),
  '/api/v1/workflows/{id}/test-runs/{testRunId}/answers': (r) => ({ id: r.workflowId, testRunId: r.testRunId }),
  '/api/v1/templates/{key}': (r) => ({ key: r.templateKey }),
  '/api/v1/templates/{key}/instantiate': (r) => ({ key: r.templateKey }),
  '/api/v1/runs/{id}': (r) => ({ id: r.runId }),
  '/api/v1/runs/{id}/view': (r) => ({ id: r.runId }),
  '/api/v1/runs/{id}/steps': (r) => ({ id: r.runId }),
  '/api/v1/runs/{id}/cancel': (r) => ({ id: r.runId }),
  '/api/v1/runs/{id}/retry': (r) => ({ id: r.runId }),
  '/api/v1/approvals/{id}/decision': (r) => ({ id: r.approvalId }),
  '/api/v1/actions/{actionId}': (r) => ({ actionId: r.actionId }),
  '/api/v1/api-keys/{id}': (r) => ({ id: r.apiKeyId }),
  '/api/v1/secrets/{name}': (r) => ({ name: r.secretName }),
  '/api/v1/webhooks/{id}': (r) => ({ id: r.webhookId }),
  '/api/v1/webhook-deliveries/{id}/replay': (r) => ({ id: r.deliveryId }),
};

/** A body each route accepts, so a call reaches the lookup instead of stopping at validation. */
const bodies = (r: Resources): Record<string, unknown> => ({
  'POST /api/v1/catalog/events/{type}/impact': { jsonSchema: { type: 'object', properties: { orderId: { type: 'string' } } } },
  'PUT /api/v1/workflows/{id}': { definition: workflowDefinition(r.token) },
  'POST /api/v1/workflows/{id}/template-upgrade': { parameters: { threshold: 5 } },
  'POST /api/v1/templates/{key}/instantiate': { parameters: { threshold: 5 } },
  'POST /api/v1/approvals/{id}/decision': { decision: 'approve' },
  'PUT /api/v1/actions/{actionId}': remoteAction,
  'PUT /api/v1/secrets/{name}': { value: 'a value of B' },
  'PATCH /api/v1/secrets/{name}': { value: 'a value of B' },
  'POST /api/v1/runs/{id}/cancel': {},
  'POST /api/v1/runs/{id}/retry': {},
  'POST /api/v1/events/{id}/replay': {},
  'POST /api/v1/workflows/{id}/publish': {},
  'POST /api/v1/workflows/{id}/test-runs': { event: { data: { invoiceId: r.token } } },
  'PUT /api/v1/workflows/{id}/pins': { nodeId: 'check', source: { kind: 'typed', output: { outcome: 'approved', token: r.token } } },
  'POST /api/v1/workflows/{id}/test-runs/{testRunId}/answers': { kind: 'approval', key: 'check', outcome: 'approved' },
  'PATCH /api/v1/webhooks/{id}': { enabled: false },
  'POST /api/v1/webhook-deliveries/{id}/replay': {},
});

/** The same kinds of value, naming nothing: a resource that does not exist. */
const missing = (r: Resources): Resources => ({
  ...r,
  eventId: randomUUID(),
  deadEventId: randomUUID(),
  workflowId: randomUUID(),
  runId: randomUUID(),
  testRunId: randomUUID(),
  approvalId: randomUUID(),
  templateKey: `missing-x${unique()}`,
  secretName: `missing_x${unique()}`,
  eventType: `missing.x${unique()}`,
  actionId: `missing.x${unique()}`,
  apiKeyId: randomUUID(),
  emailId: '999999999999',
  webhookId: randomUUID(),
  deliveryId: randomUUID(),
});

const unique = () => Math.random().toString(36).slice(2, 10);
const remoteAction = {
  label: 'Create contact',
  description: 'Creates the contact in the CRM',
  version: 1,
  inputSchema: { type: 'object', properties: { email: { type: 'string' } } },
  outputSchema: { type: 'object', properties: { id: { type: 'string' } } },
  idempotent: true,
  endpoint: 'https://crm.example.com/cascade/create-contact',
};

const workflowDefinition = (token: string) => ({
  schemaVersion: 1,
  name: `Chase ${token}`,
  nodes: [
    { id: 'start', type: 'trigger', event: 'INVOICE_OVERDUE' },
    { id: 'check', type: 'approval', title: `Approve ${token}`, assignees: ['admin'], timeout: 'P1D' },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { id: 'e1', from: 'start', to: 'check' },
    { id: 'e2', from: 'check', to: 'done', port: 'approved' },
    { id: 'e3', from: 'check', to: 'done', port: 'rejected' },
  ],
});

async function ok(response: Promise<Response>, status: number): Promise<Record<string, unknown>> {
  const answer = await response;
  const body = await answer.text();
  expect(answer.status, body).toBe(status);
  return JSON.parse(body) as Record<string, unknown>;
}

/** A tenant with one resource of every kind, made through the API where the API makes them. */
async function seedTenant(): Promise<Resources> {
  const token = `iso${unique()}`;
  const idToken = `id${unique()}`;
  const tenant = await db().tenant.create({ data: { slug: `t-${token}`, name: `Tenant ${token}` } });
  const admin = await createApiKey(tenant.id, ['admin']);
  const as = { apiKey: admin };
  const overdue = (invoiceId: string) => ({
    type: 'INVOICE_OVERDUE',
    source: 'billing',
    correlationId: `invoice-${token}`,
    data: { tenantId: token, invoiceId, clientId: token, overdueAt: '2026-03-04T00:00:00Z', dueDate: '2026-03-01', amountDue: 100, currency: 'USD', daysOverdue: 3 },
  });
  const [eventId, deadEventId] = [randomUUID(), randomUUID()];
  await ok(callRoute(publishEvents, { ...as, body: [{ ...overdue(`${token}-1`), id: eventId }, { ...overdue(`${token}-2`), id: deadEventId }] }), 202);
  await db().dispatch.updateMany({ where: { tenantId: tenant.id, eventId: deadEventId }, data: { status: 'DEAD', lastError: `dead ${token}` } });

  // Subscribed before the run, so the run's start is in the webhook outbox too.
  const webhook = await ok(callRoute(createWebhookSubscription, { ...as, body: { url: `https://hooks.example.com/${token}`, events: ['run.started', 'run.failed'], description: token } }), 201);
  const workflow = await ok(callRoute(createWorkflow, { ...as, body: { name: `Workflow ${token}`, definition: workflowDefinition(token) } }), 201);
  const workflowId = workflow.id as string;
  const version = await ok(callRoute(publishWorkflow, { ...as, params: { id: workflowId } }), 201);
  const runId = randomUUID();
  await db().run.create({
    data: { id: runId, tenantId: tenant.id, workflowId, versionId: version.id as string, temporalWorkflowId: `run-${token}`, eventId },
  });
  await db().runStep.create({ data: { runId, nodeId: 'check', key: 'check', status: 'RUNNING', input: { token }, startedAt: new Date() } });
  // A test run waiting on its approval, as the test worker records one (no Temporal run behind it).
  const testRunId = randomUUID();
  await db().testRun.create({
    data: {
      id: testRunId, tenantId: tenant.id, workflowId, temporalWorkflowId: `test-${token}`, definition: workflowDefinition(token), event: { token }, stubs: {}, startedBy: token,
      steps: { check: { key: 'check', nodeId: 'check', status: 'RUNNING', startedAt: new Date().toISOString(), approval: { taskId: randomUUID(), title: `Approve ${token}`, assignees: ['admin'], formFields: [], dueAt: new Date().toISOString() } } },
    },
  });
  const approvalId = randomUUID();
  await db().approvalTask.create({
    data: {
      id: approvalId, tenantId: tenant.id, runId, temporalWorkflowId: `run-${token}`, nodeKey: 'check', title: `Approve ${token}`,
      assignees: ['admin'], formFields: [], dueAt: new Date(Date.now() + 86_400_000),
    },
  });

  const templateKey = `tpl-${idToken}`;
  await ok(callRoute(registerTemplateRoute, {
    ...as,
    body: { key: templateKey, name: `Template ${token}`, description: token, category: 'Billing', tags: [token], parameterSchema, definition: templateDefinition },
  }), 201);
  const secretName = `secret_${idToken}`;
  await ok(callRoute(putSecret, { ...as, params: { name: secretName }, body: { value: `value-${token}` } }), 201);
  const eventType = `${idToken}.order.shipped`;
  await ok(callRoute(registerEventType, {
    ...as,
    body: { type: eventType, version: 1, displayName: `Shipped ${token}`, description: token, category: token, jsonSchema: { type: 'object', properties: { orderId: { type: 'string' } } } },
  }), 201);
  const actionId = `${idToken}.create_contact`;
  await ok(callRoute(putRemoteAction, { ...as, params: { actionId }, body: { ...remoteAction, description: `Contacts of ${token}` } }), 201);
  const key = await ok(callRoute(createApiKeyRoute, { ...as, body: { name: `Key ${token}`, scopes: ['workflows:read'] } }), 201);

  const delivery = await db().webhookDelivery.create({
    data: { tenantId: tenant.id, subscriptionId: webhook.id as string, eventType: 'run.failed', payload: { runId, token }, status: 'DEAD', attempts: 5, lastError: `refused ${token}` },
  });
  const email = await db().capturedEmail.create({ data: { tenantId: tenant.id, from: 'cascade@example.com', to: ['ops@example.com'], subject: `Overdue ${token}`, headers: {} } });

  return { webhookId: webhook.id as string, deliveryId: delivery.id, emailId: email.id.toString(), tenantId: tenant.id, token, idToken, eventId, deadEventId, workflowId, runId, testRunId, approvalId, templateKey, secretName, eventType, actionId, apiKeyId: key.id as string };
}

/** Every principal a tenant can have: a key of each scope, a key of all of them, a user of each role. */
async function principalsOf(tenantId: string): Promise<Principal[]> {
  const keys = await Promise.all(
    [...API_KEY_SCOPES.map((scope) => [scope]), [...API_KEY_SCOPES]].map(async (scopes) => ({
      name: `key [${scopes.join(', ')}]`,
      headers: { authorization: `Bearer ${await createApiKey(tenantId, scopes)}` },
      viewer: false,
    })),
  );
  const users = await Promise.all(
    (['ADMIN', 'EDITOR', 'VIEWER'] as const).map(async (role) => ({
      name: `user ${role}`,
      headers: { cookie: (await createSignedInUser(tenantId, role)).cookie },
      viewer: role === 'VIEWER',
    })),
  );
  return [...keys, ...users];
}

/** Everything of a tenant a call could change, read straight from the database. */
async function snapshot(tenantId: string) {
  const where = { where: { tenantId } };
  return JSON.stringify(
    await Promise.all([
      db().event.findMany({ ...where, orderBy: { id: 'asc' } }),
      db().dispatch.findMany({ ...where, orderBy: { id: 'asc' }, select: { eventId: true, status: true, attempts: true } }),
      db().workflow.findMany({ ...where, orderBy: { id: 'asc' } }),
      db().workflowVersion.findMany({ ...where, orderBy: { id: 'asc' } }),
      db().run.findMany({ ...where, orderBy: { id: 'asc' } }),
      db().testRun.findMany({ ...where, orderBy: { id: 'asc' } }),
      db().approvalTask.findMany({ ...where, orderBy: { id: 'asc' } }),
      db().template.findMany({ ...where, orderBy: { key: 'asc' }, include: { versions: true } }),
      db().secret.findMany({ ...where, orderBy: { name: 'asc' } }),
      db().eventType.findMany({ ...where, orderBy: { type: 'asc' } }),
      db().remoteAction.findMany({ ...where, orderBy: { actionId: 'asc' } }),
      db().apiKey.findMany({ ...where, orderBy: { id: 'asc' }, select: { id: true, revokedAt: true, scopes: true } }),
      db().webhookSubscription.findMany({ ...where, orderBy: { id: 'asc' } }),
      db().webhookDelivery.findMany({ ...where, orderBy: { id: 'asc' } }),
      db().auditEntry.findMany({ ...where, orderBy: { id: 'asc' } }),
    ]),
    (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
  );
}

/** A page's loader answering 404 as a page would (`notFound()`): nothing to show. */
const orNothing = (load: Promise<unknown>) =>
  load.catch((error: unknown) => {
    if (error instanceof HttpError && error.status === 404) return null;
    throw error;
  });

/** What each page with a resource in its path loads for the signed-in user's tenant; nothing means the page answers 404. */
const PAGES: Record<string, (tenantId: string, r: Resources) => Promise<unknown>> = {
  '/catalog/[type]': async (tenantId, r) => (await tenantCatalog(tenantId)).find((entry) => entry.type === r.eventType) ?? null,
  '/events/[id]': (tenantId, r) => findEvent(tenantId, r.eventId),
  '/runs/[id]': (tenantId, r) => orNothing(loadRunView(tenantId, r.runId)),
  '/workflows/[id]': (tenantId, r) => orNothing(findWorkflow(tenantId, r.workflowId)),
  '/templates/[key]': (tenantId, r) => templatePageOf(tenantId, r.templateKey),
  '/outbox/[id]': (tenantId, r) => findCapturedEmail(tenantId, BigInt(r.emailId)),
};

const routeName = (route: Route) => `${route.spec.method} ${route.spec.path}`;
// PUT last: it makes B a resource of its own under the name, which the other methods would then find.
const METHOD_ORDER = ['GET', 'POST', 'PATCH', 'DELETE', 'PUT'];
const ordered = [...routes].sort((a, b) => METHOD_ORDER.indexOf(a.spec.method) - METHOD_ORDER.indexOf(b.spec.method));

/** The answer with the values that differ between two calls by nature (ids, times) blanked. */
async function answer(route: Route, principal: Principal, params: Record<string, string>, body: unknown) {
  const response = await callRoute(route, { headers: principal.headers, params, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let problem: unknown = text;
  try {
    const parsed = JSON.parse(text) as { title?: string; status?: number; type?: string };
    problem = { title: parsed.title, status: parsed.status, type: parsed.type };
  } catch {
    // not JSON: compared as it is
  }
  return { status: response.status, problem, text };
}

describe('tenant isolation matrix', () => {
  let a: Resources;
  let b: Resources;
  let principals: Principal[];
  let before: string;

  beforeAll(async () => {
    [a, b] = await Promise.all([seedTenant(), seedTenant()]);
    principals = await principalsOf(b.tenantId);
    before = await snapshot(a.tenantId);
  }, 60_000);

  it('knows what every route’s path parameters name', () => {
    const unmapped = routes.filter((route) => route.spec.path.includes('{') && !PARAMETERS[route.spec.path]).map(routeName);
    expect(unmapped, 'add these routes to PARAMETERS').toEqual([]);
    const appDir = path.join(__dirname, '..', 'app');
    const pages = readdirSync(appDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('page.tsx') && file.includes('['))
      .map((file) => `/${path.dirname(file)}`);
    expect(pages.filter((page) => !PAGES[page]), 'add these pages to PAGES').toEqual([]);
  });

  it('answers every principal of B about A’s resources as about resources that do not exist, and shows B nothing of A’s', async () => {
    const leaks: string[] = [];
    const revealing: string[] = [];
    let calls = 0;
    for (const route of ordered) {
      const params = PARAMETERS[route.spec.path];
      const body = bodies(a)[routeName(route)] ?? (route.spec.method === 'GET' || route.spec.method === 'DELETE' ? undefined : {});
      // One value naming nothing per route: a PUT that creates B's own resource answers 201, then 200, for either.
      const none = missing(a);
      for (const principal of principals) {
        const ofA = await answer(route, principal, params?.(a) ?? {}, body);
        calls += 1;
        // A route may echo the identifier it was given, never anything else of A's; a list names nothing of A's.
        if (ofA.text.includes(a.token) || (!params && ofA.text.includes(a.idToken))) leaks.push(`${routeName(route)} as ${principal.name}: ${ofA.text.slice(0, 200)}`);
        if (!params) continue;
        const ofNothing = await answer(route, principal, params(none), body);
        calls += 1;
        if (ofA.status !== ofNothing.status || JSON.stringify(ofA.problem) !== JSON.stringify(ofNothing.problem)) {
          revealing.push(`${routeName(route)} as ${principal.name}: ${ofA.status} ${JSON.stringify(ofA.problem)} for A’s, ${ofNothing.status} ${JSON.stringify(ofNothing.problem)} for none`);
        }
      }
    }
    console.log(`[isolation] ${routes.length} routes × ${principals.length} principals of tenant B: ${calls} calls`);
    expect(leaks).toEqual([]);
    expect(revealing).toEqual([]);
    expect(await snapshot(a.tenantId), 'tenant A changed').toBe(before);
  }, 120_000);

  it('shows B’s users none of A’s resources on any page, while A’s own users see each', async () => {
    for (const [page, load] of Object.entries(PAGES)) {
      expect(await load(a.tenantId, a), `${page} for A`).toBeTruthy();
      expect(await load(b.tenantId, a), `${page} for B`).toBeNull();
    }
  });

  it('lets a viewer change nothing of its own tenant', async () => {
    const viewer = principals.find((p) => p.viewer)!;
    const own = await snapshot(b.tenantId);
    const changed: string[] = [];
    for (const route of ordered.filter((r) => r.spec.method !== 'GET')) {
      const params = PARAMETERS[route.spec.path]?.(b) ?? {};
      const result = await answer(route, viewer, params, bodies(b)[routeName(route)] ?? {});
      if (result.status < 400) changed.push(`${routeName(route)}: ${result.status}`);
    }
    expect(changed).toEqual([]);
    expect(await snapshot(b.tenantId), 'a viewer changed tenant B').toBe(own);
  }, 60_000);
});
