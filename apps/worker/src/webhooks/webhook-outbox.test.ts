import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyEventWebhookSignature } from '@cascade/actions/handlers';
import { createDatabase, type WebhookEventType } from '@cascade/db';
import { createLogger } from '@cascade/logger';
import { createWebhookSigningSecret, parseSecretKey } from '@cascade/secrets';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { workerMetrics } from '../metrics';
import { writeRecords } from '../run-records/write-records';
import { metricValue } from '../testing/metric-values';
import { deliverDueWebhooks, retryDelayMs, type WebhookOutboxOptions } from './webhook-outbox';

const db = createDatabase(inject('databaseUrl'));
const secretKey = parseSecretKey(process.env.CASCADE_SECRET_KEY!);
const servers: Server[] = [];
afterAll(async () => {
  for (const server of servers) server.close();
  await db.$disconnect();
});

interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver answering each request with `status()`. */
async function receiver(status: () => number = () => 200) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ at: performance.now(), headers: request.headers, body: Buffer.concat(chunks).toString() });
      response.writeHead(status()).end();
    });
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/hooks`, received };
}

const options = (overrides: Partial<WebhookOutboxOptions> = {}): WebhookOutboxOptions => ({
  db,
  logger: createLogger('webhook-test', { level: 'silent' }),
  secretKey,
  allowedPrivateHosts: ['localhost'],
  retryBaseMs: 20,
  ...overrides,
});

/** A tenant with a workflow version to run and a subscription to `events` at `url`; the signing secret as its creator saw it. */
async function subscribedTenant(url: string, events: WebhookEventType[]) {
  const tenant = await db.tenant.create({ data: { slug: `hooks-${randomUUID()}`, name: 'Webhook test' } });
  const workflow = await db.workflow.create({ data: { tenantId: tenant.id, name: 'Hooked', draft: {} } });
  const version = await db.workflowVersion.create({ data: { tenantId: tenant.id, workflowId: workflow.id, version: 1, definition: {} } });
  const id = randomUUID();
  const { secret, sealed } = createWebhookSigningSecret(secretKey, tenant.id, id);
  const subscription = await db.webhookSubscription.create({ data: { id, tenantId: tenant.id, url, events, secretCiphertext: sealed } });
  return { tenantId: tenant.id, workflowId: workflow.id, versionId: version.id, subscription, secret };
}

/** Records a run the way the worker's activities do: its first write inserts it, the last closes it. */
async function recordRun(tenant: { tenantId: string; workflowId: string; versionId: string }, outcome?: 'COMPLETED' | 'FAILED') {
  const runId = randomUUID();
  const run = { id: runId, tenantId: tenant.tenantId, workflowId: tenant.workflowId, versionId: tenant.versionId, version: 1, temporalWorkflowId: `run-${runId}`, eventId: randomUUID(), startedAt: new Date().toISOString() };
  await writeRecords(db, { run, steps: [] }, runId);
  if (outcome) await writeRecords(db, { steps: [] }, runId, { outcome: { status: outcome, ...(outcome === 'FAILED' ? { error: { message: 'boom' } } : {}) } });
  return runId;
}

/** Passes over the outbox until `done`, as the worker's loop does (bounded, so a bug fails the test instead of hanging it). */
async function deliverUntil(done: () => Promise<boolean>, outboxOptions = options()) {
  const deadline = Date.now() + 15_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('the outbox did not settle');
    await deliverDueWebhooks(outboxOptions);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const deliveriesOf = (subscriptionId: string) => db.webhookDelivery.findMany({ where: { subscriptionId }, orderBy: { createdAt: 'asc' } });

describe('webhook deliveries from the outbox', () => {
  it('announces a run’s start and end, signed so the secret shown at creation verifies them; another tenant’s subscription gets nothing', async () => {
    const a = await receiver();
    const b = await receiver();
    const tenantA = await subscribedTenant(a.url, ['run.started', 'run.completed', 'run.failed']);
    const tenantB = await subscribedTenant(b.url, ['run.started', 'run.completed', 'run.failed']);
    const completed = await recordRun(tenantA, 'COMPLETED');
    const failed = await recordRun(tenantA, 'FAILED');

    await deliverUntil(async () => (await deliveriesOf(tenantA.subscription.id)).every((delivery) => delivery.status === 'DELIVERED'));
    expect(a.received).toHaveLength(4);
    const bodies = a.received.map((request) => JSON.parse(request.body) as { id: string; type: string; tenantId: string; data: { runId: string; status: string } });
    expect(bodies.map((body) => [body.type, body.data.runId]).sort()).toEqual(
      [['run.started', completed], ['run.completed', completed], ['run.started', failed], ['run.failed', failed]].sort(),
    );
    for (const request of a.received) {
      expect(verifyEventWebhookSignature({ secret: tenantA.secret, body: request.body, header: request.headers['cascade-signature'] as string })).toBe(true);
      expect(verifyEventWebhookSignature({ secret: tenantB.secret, body: request.body, header: request.headers['cascade-signature'] as string })).toBe(false);
      expect(request.headers['cascade-delivery']).toBe(JSON.parse(request.body).id);
      expect(request.headers['idempotency-key']).toBe(JSON.parse(request.body).id);
    }
    expect(bodies.every((body) => body.tenantId === tenantA.tenantId)).toBe(true);
    expect(b.received).toEqual([]);
    expect(await deliveriesOf(tenantB.subscription.id)).toEqual([]);
  });

  it('retries a receiver answering 500 with growing waits, and dead-letters the delivery after 5 attempts; a replay then delivers it', async () => {
    let status = 500;
    const server = await receiver(() => status);
    const tenant = await subscribedTenant(server.url, ['run.failed']);
    await recordRun(tenant, 'FAILED');
    const [delivery] = await deliveriesOf(tenant.subscription.id);
    const deadBefore = await metricValue(workerMetrics, 'cascade_dead_letters_total', { queue: 'webhook' });

    await deliverUntil(async () => (await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id } })).status === 'DEAD', options({ retryBaseMs: 40 }));
    expect(server.received).toHaveLength(5);
    expect(await metricValue(workerMetrics, 'cascade_dead_letters_total', { queue: 'webhook' })).toBe(deadBefore + 1);
    const waits = server.received.slice(1).map((request, index) => request.at - server.received[index]!.at);
    console.log(`waits between 5 attempts with a 40 ms base: ${waits.map((wait) => Math.round(wait)).join(', ')} ms`);
    // Each wait is at least its backoff (40, 160, 640, 2560 ms); what a busy machine adds comes on top.
    waits.forEach((wait, index) => expect(wait).toBeGreaterThanOrEqual(retryDelayMs(40, index + 1) - 5));
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id } })).toMatchObject({ status: 'DEAD', attempts: 5, lastStatus: 500 });

    // What POST /api/v1/webhook-deliveries/{id}/replay does (webhook-deliveries.ts): attempts start over.
    status = 204;
    await db.webhookDelivery.update({ where: { id: delivery!.id }, data: { status: 'PENDING', attempts: 0, nextAttemptAt: new Date() } });
    await deliverUntil(async () => (await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id } })).status === 'DELIVERED');
    expect(server.received).toHaveLength(6);
    expect(server.received[5]!.headers['cascade-delivery']).toBe(delivery!.id);
  });

  it('dead-letters at once, without retrying, a delivery whose address the outbound policy refuses', async () => {
    const tenant = await subscribedTenant('http://169.254.169.254/latest/meta-data', ['run.started']);
    await recordRun(tenant);
    await deliverUntil(async () => (await deliveriesOf(tenant.subscription.id))[0]!.status !== 'PENDING');
    expect((await deliveriesOf(tenant.subscription.id))[0]).toMatchObject({ status: 'DEAD', attempts: 1, lastError: expect.stringMatching(/metadata endpoint/) });
  });

  it('writes a delivery only with the fact it announces: a rolled-back run leaves none, a disabled subscription’s wait until it is enabled and it queues nothing new', async () => {
    const server = await receiver();
    const tenant = await subscribedTenant(server.url, ['run.started', 'approval.requested', 'event.dead_lettered']);
    await expect(
      db.$transaction(async (tx) => {
        await tx.run.create({ data: { id: randomUUID(), tenantId: tenant.tenantId, workflowId: tenant.workflowId, versionId: tenant.versionId, temporalWorkflowId: `rolled-back-${randomUUID()}` } });
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    expect(await deliveriesOf(tenant.subscription.id)).toEqual([]);

    const runId = await recordRun(tenant);
    await db.approvalTask.create({
      data: { id: randomUUID(), tenantId: tenant.tenantId, runId, temporalWorkflowId: `run-${runId}`, nodeKey: 'approve', title: 'Refund?', assignees: ['ops@example.com'], formFields: [], dueAt: new Date() },
    });
    const event = await db.event.create({ data: { tenantId: tenant.tenantId, id: randomUUID(), type: 'INVOICE_OVERDUE', version: 1, source: 'test', occurredAt: new Date(), data: {} } });
    await db.dispatch.create({ data: { tenantId: tenant.tenantId, eventId: event.id } });
    await db.dispatch.update({ where: { tenantId_eventId: { tenantId: tenant.tenantId, eventId: event.id } }, data: { status: 'DEAD', attempts: 5, lastError: 'no route' } });

    // Disabled: what is queued waits, and what happens meanwhile is not queued.
    await db.webhookSubscription.update({ where: { id: tenant.subscription.id }, data: { enabled: false } });
    await recordRun(tenant);
    expect(await deliveriesOf(tenant.subscription.id)).toHaveLength(3);
    await deliverDueWebhooks(options());
    expect(server.received).toEqual([]);
    await db.webhookSubscription.update({ where: { id: tenant.subscription.id }, data: { enabled: true } });
    await deliverUntil(async () => (await deliveriesOf(tenant.subscription.id)).every((delivery) => delivery.status === 'DELIVERED'));
    const byType = Object.fromEntries(server.received.map((request) => JSON.parse(request.body) as { type: string; data: unknown }).map((body) => [body.type, body.data]));
    expect(Object.keys(byType).sort()).toEqual(['approval.requested', 'event.dead_lettered', 'run.started']);
    expect(byType['approval.requested']).toMatchObject({ runId, title: 'Refund?', assignees: ['ops@example.com'] });
    expect(byType['event.dead_lettered']).toMatchObject({ eventId: event.id, eventType: 'INVOICE_OVERDUE', attempts: 5, lastError: 'no route' });
  });

  it('costs a run insert one indexed lookup: 2,000 runs recorded with and without a subscription (printed, not asserted)', async () => {
    const insertRuns = async (tenant: { tenantId: string; workflowId: string; versionId: string }) => {
      const started = performance.now();
      await db.$executeRaw`
        INSERT INTO runs (id, tenant_id, workflow_id, version_id, temporal_workflow_id, status, finished_at)
        SELECT gen_random_uuid(), ${tenant.tenantId}::uuid, ${tenant.workflowId}::uuid, ${tenant.versionId}::uuid, 'bulk-' || gen_random_uuid(), 'COMPLETED', now()
          FROM generate_series(1, 2000)`;
      return Math.round(performance.now() - started);
    };
    const quiet = await subscribedTenant('https://example.com/hooks', []);
    const subscribed = await subscribedTenant('https://example.com/hooks', ['run.started', 'run.completed']);
    const withoutMs = await insertRuns(quiet);
    const withMs = await insertRuns(subscribed);
    console.log(`2,000 finished runs inserted: ${withoutMs} ms for a tenant without subscriptions, ${withMs} ms with one taking run.started and run.completed (4,000 deliveries)`);
    expect(await db.webhookDelivery.count({ where: { subscriptionId: subscribed.subscription.id } })).toBe(4000);
    expect(await db.webhookDelivery.count({ where: { subscriptionId: quiet.subscription.id } })).toBe(0);
    await db.webhookSubscription.delete({ where: { id: subscribed.subscription.id } }); // nothing to send to example.com
  });
});
