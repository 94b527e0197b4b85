import { openWebhookSigningSecret, parseSecretKey } from '@cascade/secrets';
import { describe, expect, it } from 'vitest';
import { db } from '@/server/services';
import { callRoute, createApiKey, createSignedInUser, createTenantWithKey } from '@/test/api';
import { listWebhookDeliveries, replayWebhookDeliveryRoute } from './webhook-deliveries';
import { createWebhookSubscription, deleteWebhookSubscription, getWebhookSubscription, listWebhookSubscriptions, updateWebhookSubscription } from './webhooks';

const secretKey = parseSecretKey(process.env.CASCADE_SECRET_KEY!);
const HOOK = 'https://hooks.example.com/services/T000/B000/very-secret-path';

async function subscribe(apiKey: string, body: unknown = { url: HOOK, events: ['run.failed', 'approval.requested'] }) {
  return callRoute(createWebhookSubscription, { apiKey, body });
}

/** A dead-lettered delivery of the subscription, as the worker leaves one after its 5th failure. */
const deadDelivery = (tenantId: string, subscriptionId: string) =>
  db().webhookDelivery.create({
    data: { tenantId, subscriptionId, eventType: 'run.failed', payload: { runId: 'r' }, status: 'DEAD', attempts: 5, lastStatus: 500, lastError: 'answered 500' },
  });

describe('webhook subscriptions API', () => {
  it('creates a subscription whose signing secret is shown once and stored sealed; reads, changes and deletes it', async () => {
    const { tenantId, apiKey } = await createTenantWithKey(['admin']);
    const created = await subscribe(apiKey);
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ url: HOOK, events: ['run.failed', 'approval.requested'], enabled: true, description: '', signingSecret: expect.stringMatching(/^whsec_/) });
    const row = await db().webhookSubscription.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.secretCiphertext).not.toContain(body.signingSecret);
    expect(openWebhookSigningSecret(secretKey, tenantId, body.id, row.secretCiphertext)).toBe(body.signingSecret);

    const read = await (await callRoute(getWebhookSubscription, { apiKey, params: { id: body.id } })).text();
    expect(read).not.toContain(body.signingSecret);
    const listed = await (await callRoute(listWebhookSubscriptions, { apiKey })).json();
    expect(listed.items.map((item: { id: string }) => item.id)).toEqual([body.id]);

    const updated = await callRoute(updateWebhookSubscription, { apiKey, params: { id: body.id }, body: { enabled: false, events: ['run.completed'] } });
    expect(await updated.json()).toMatchObject({ enabled: false, events: ['run.completed'], url: HOOK });
    expect((await callRoute(deleteWebhookSubscription, { apiKey, params: { id: body.id } })).status).toBe(200);
    expect((await callRoute(getWebhookSubscription, { apiKey, params: { id: body.id } })).status).toBe(404);

    // The trail names the changes but keeps only the URL's origin, whose path is often the credential.
    const trail = JSON.stringify(await db().auditEntry.findMany({ where: { tenantId } }));
    expect(trail).toContain('createWebhookSubscription');
    expect(trail).toContain('https://hooks.example.com/…');
    expect(trail).not.toContain('very-secret-path');
    expect(trail).not.toContain(body.signingSecret);
  });

  it('refuses URLs webhook.send refuses, unknown or repeated events and empty updates, with the path of each problem', async () => {
    const { apiKey } = await createTenantWithKey(['admin']);
    const cases: Array<[unknown, string[]]> = [
      [{ url: 'ftp://example.com/x', events: ['run.failed'] }, ['/body/url']],
      [{ url: 'javascript:alert(1)', events: ['run.failed'] }, ['/body/url']],
      [{ url: `https://example.com/${'a'.repeat(2100)}`, events: ['run.failed'] }, ['/body/url']],
      [{ url: HOOK, events: [] }, ['/body/events']],
      [{ url: HOOK, events: ['run.exploded'] }, ['/body/events/0']],
      [{ url: HOOK, events: ['run.failed', 'run.failed'] }, ['/body/events']],
      [{ url: HOOK, events: ['run.failed'], description: 'x'.repeat(201) }, ['/body/description']],
    ];
    for (const [body, paths] of cases) {
      const response = await subscribe(apiKey, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect((await response.json()).errors.map((error: { path: string }) => error.path)).toEqual(paths);
    }
    // A prototype-polluting key is an unknown field like any other: dropped, never merged.
    const polluted = await callRoute(createWebhookSubscription, {
      apiKey,
      rawBody: `{"url":"${HOOK}","events":["run.failed"],"__proto__":{"enabled":false},"constructor":{"prototype":{"enabled":false}}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(await polluted.json()).toMatchObject({ enabled: true });
    const { id } = await (await subscribe(apiKey)).json();
    expect((await callRoute(updateWebhookSubscription, { apiKey, params: { id }, body: {} })).status).toBe(400);
    expect((await callRoute(getWebhookSubscription, { apiKey, params: { id: 'not-a-uuid' } })).status).toBe(400);
  });

  it('lists dead letters and replays one: attempts start over under the same delivery id; a pending one is not replayed', async () => {
    const { tenantId, apiKey } = await createTenantWithKey(['admin']);
    const { id: subscriptionId } = await (await subscribe(apiKey)).json();
    const dead = await deadDelivery(tenantId, subscriptionId);
    const listed = await (await callRoute(listWebhookDeliveries, { apiKey, query: 'status=DEAD' })).json();
    expect(listed.items).toEqual([expect.objectContaining({ id: dead.id, status: 'DEAD', attempts: 5, lastStatus: 500, nextAttemptAt: null })]);

    const replayed = await callRoute(replayWebhookDeliveryRoute, { apiKey, params: { id: dead.id } });
    expect(replayed.status).toBe(200);
    expect(await replayed.json()).toMatchObject({ id: dead.id, status: 'PENDING', attempts: 0, lastError: null, nextAttemptAt: expect.any(String) });
    expect((await callRoute(replayWebhookDeliveryRoute, { apiKey, params: { id: dead.id } })).status).toBe(409);
    expect((await callRoute(listWebhookDeliveries, { apiKey, query: 'status=GONE' })).status).toBe(400);
  });

  it('never shows, changes, replays or deletes another tenant’s subscriptions and deliveries (404), and admits admins only', async () => {
    const a = await createTenantWithKey(['admin']);
    const b = await createTenantWithKey(['admin']);
    const { id } = await (await subscribe(a.apiKey)).json();
    const dead = await deadDelivery(a.tenantId, id);

    expect((await (await callRoute(listWebhookSubscriptions, { apiKey: b.apiKey })).json()).items).toEqual([]);
    expect((await (await callRoute(listWebhookDeliveries, { apiKey: b.apiKey, query: `subscriptionId=${id}` })).json()).items).toEqual([]);
    expect((await callRoute(getWebhookSubscription, { apiKey: b.apiKey, params: { id } })).status).toBe(404);
    expect((await callRoute(updateWebhookSubscription, { apiKey: b.apiKey, params: { id }, body: { url: 'https://evil.example.com/' } })).status).toBe(404);
    expect((await callRoute(deleteWebhookSubscription, { apiKey: b.apiKey, params: { id } })).status).toBe(404);
    expect((await callRoute(replayWebhookDeliveryRoute, { apiKey: b.apiKey, params: { id: dead.id } })).status).toBe(404);
    expect(await db().webhookSubscription.findUniqueOrThrow({ where: { id } })).toMatchObject({ url: HOOK });
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ status: 'DEAD' });

    const editor = await createApiKey(a.tenantId, ['workflows:read', 'workflows:write', 'events:publish']);
    expect((await subscribe(editor)).status).toBe(403);
    expect((await callRoute(listWebhookDeliveries, { apiKey: editor })).status).toBe(403);
    const viewer = await createSignedInUser(a.tenantId, 'VIEWER');
    expect((await callRoute(listWebhookSubscriptions, { headers: { cookie: viewer.cookie } })).status).toBe(403);
  });
});
