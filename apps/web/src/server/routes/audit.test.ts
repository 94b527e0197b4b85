import { describe, expect, it } from 'vitest';
import { db } from '@/server/services';
import { callRoute, createApiKey, createSignedInUser, createTenantWithKey } from '@/test/api';
import { createApiKey as createApiKeyRoute, revokeApiKey } from './api-keys';
import { listAuditEntries, verifyAuditTrail } from './audit';
import { backtestFilterRoute } from './events';
import { deleteSecret, putSecret, updateSecret } from './secrets';

const SECRET_VALUE = 'tok_live_do_not_leak_4242';

async function trail(apiKey: string, query = '') {
  const response = await callRoute(listAuditEntries, { apiKey, query });
  expect(response.status).toBe(200);
  return (await response.json()) as { items: Array<Record<string, unknown>>; nextCursor: string | null };
}

describe('the audit trail API', () => {
  it('records every change by its actor, action and target, newest first, never a secret value', async () => {
    const { tenantId, apiKey } = await createTenantWithKey(['admin']);
    const keyRow = await db().apiKey.findFirstOrThrow({ where: { tenantId } });
    await callRoute(putSecret, { apiKey, params: { name: 'crm_token' }, body: { value: SECRET_VALUE, allowedHosts: ['api.example.com'] } });
    await callRoute(updateSecret, { apiKey, params: { name: 'crm_token' }, body: { allowedHosts: ['crm.example.com'] } });
    const created = (await (await callRoute(createApiKeyRoute, { apiKey, body: { name: 'CI', scopes: ['workflows:read'] } })).json()) as { id: string; key: string };
    await callRoute(revokeApiKey, { apiKey, params: { id: created.id } });
    await callRoute(deleteSecret, { apiKey, params: { name: 'crm_token' } });
    // Refused and read-only calls change nothing and are not recorded.
    await callRoute(deleteSecret, { apiKey, params: { name: 'crm_token' } });
    await callRoute(backtestFilterRoute, { apiKey, body: { eventType: 'INVOICE_OVERDUE', filter: 'true' } });

    const { items } = await trail(apiKey);
    expect(items.map((entry) => [entry.action, entry.target])).toEqual([
      ['deleteSecret', '/api/v1/secrets/crm_token'],
      ['revokeApiKey', `/api/v1/api-keys/${created.id}`],
      ['createApiKey', `/api/v1/api-keys/${created.id}`],
      ['updateSecret', '/api/v1/secrets/crm_token'],
      ['putSecret', '/api/v1/secrets/crm_token'],
    ]);
    expect(items.every((entry) => JSON.stringify(entry.actor) === JSON.stringify({ type: 'apiKey', id: keyRow.id }))).toBe(true);
    expect(items[4]!.summary).toEqual({ value: '[redacted]', allowedHosts: ['api.example.com'] });
    expect(items[2]!.summary).toEqual({ name: 'CI', scopes: ['workflows:read'], publishNamespaces: [] });
    const stored = JSON.stringify(await db().auditEntry.findMany({ where: { tenantId } }));
    expect(stored).not.toContain(SECRET_VALUE);
    expect(stored).not.toContain(created.key);
    expect(stored).not.toContain(apiKey);
  });

  it('keeps one chain when a tenant’s changes arrive at once, each entry committed with its change', async () => {
    const { tenantId, apiKey } = await createTenantWithKey(['admin']);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        index % 2 ? callRoute(createApiKeyRoute, { apiKey, body: { name: `k${index}`, scopes: ['workflows:read'] } }) : callRoute(putSecret, { apiKey, params: { name: `s${index}` }, body: { value: SECRET_VALUE } }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    const entries = await db().auditEntry.findMany({ where: { tenantId }, orderBy: { seq: 'asc' } });
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    const keyIds = (await db().apiKey.findMany({ where: { tenantId, name: { startsWith: 'k' } } })).map((key) => `/api/v1/api-keys/${key.id}`);
    expect(entries.filter((entry) => entry.action === 'createApiKey').map((entry) => entry.target).sort()).toEqual(keyIds.sort());
    expect(await (await callRoute(verifyAuditTrail, { apiKey })).json()).toMatchObject({ chainIntact: true, entriesVerified: 20 });
  });

  it('names a signed-in user as the actor', async () => {
    const { tenantId } = await createTenantWithKey(['admin']);
    const admin = await createSignedInUser(tenantId, 'ADMIN');
    await callRoute(putSecret, { headers: { cookie: admin.cookie, origin: process.env.PUBLIC_URL ?? 'http://localhost:3000' }, params: { name: 'a' }, body: { value: SECRET_VALUE } });
    const [entry] = await db().auditEntry.findMany({ where: { tenantId } });
    expect(entry).toMatchObject({ actorType: 'user', actorId: admin.user.id, action: 'putSecret' });
  });

  it('filters by action, actor and time, and pages with a cursor', async () => {
    const { tenantId, apiKey } = await createTenantWithKey(['admin']);
    const other = await createApiKey(tenantId, ['admin']);
    const otherId = (await db().apiKey.findMany({ where: { tenantId }, orderBy: { createdAt: 'desc' } }))[0]!.id;
    for (const name of ['one', 'two', 'three']) await callRoute(putSecret, { apiKey, params: { name }, body: { value: SECRET_VALUE } });
    await callRoute(deleteSecret, { apiKey: other, params: { name: 'two' } });

    expect((await trail(apiKey, 'action=deleteSecret')).items.map((entry) => entry.target)).toEqual(['/api/v1/secrets/two']);
    expect((await trail(apiKey, `actor=${otherId}`)).items).toHaveLength(1);
    expect((await trail(apiKey, `from=${new Date(Date.now() + 60_000).toISOString()}`)).items).toEqual([]);
    const first = await trail(apiKey, 'limit=3');
    expect(first.items.map((entry) => entry.seq)).toEqual([4, 3, 2]);
    expect((await trail(apiKey, `limit=3&cursor=${first.nextCursor}`)).items.map((entry) => entry.seq)).toEqual([1]);
    const oldest = await trail(apiKey, 'limit=3&order=asc');
    expect(oldest.items.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect((await trail(apiKey, `order=asc&cursor=${oldest.nextCursor}`)).items.map((entry) => entry.seq)).toEqual([4]);
  });

  it('answers bad filters 400 with the path, and callers without the admin scope 403', async () => {
    const { tenantId, apiKey } = await createTenantWithKey(['admin']);
    const badTime = await callRoute(listAuditEntries, { apiKey, query: 'from=yesterday&limit=0' });
    expect(badTime.status).toBe(400);
    expect((await badTime.json()).errors.map((error: { path: string }) => error.path).sort()).toEqual(['/query/from', '/query/limit']);
    expect((await callRoute(listAuditEntries, { apiKey, query: 'cursor=bm90LWEtY3Vyc29y' })).status).toBe(400);
    const reader = await createApiKey(tenantId, ['workflows:read', 'workflows:write']);
    expect((await callRoute(listAuditEntries, { apiKey: reader })).status).toBe(403);
    expect((await callRoute(verifyAuditTrail, { apiKey: reader })).status).toBe(403);
    const viewer = await createSignedInUser(tenantId, 'VIEWER');
    expect((await callRoute(listAuditEntries, { headers: { cookie: viewer.cookie } })).status).toBe(403);
  });

  it('never shows one tenant another’s entries, nor verifies another’s chain', async () => {
    const a = await createTenantWithKey(['admin']);
    const b = await createTenantWithKey(['admin']);
    await callRoute(putSecret, { apiKey: a.apiKey, params: { name: 'only_a' }, body: { value: SECRET_VALUE } });
    expect((await trail(b.apiKey)).items).toEqual([]);
    const aFirst = (await trail(a.apiKey)).items[0]!;
    expect((await trail(b.apiKey, `actor=${(aFirst.actor as { id: string }).id}`)).items).toEqual([]);
    expect(await (await callRoute(verifyAuditTrail, { apiKey: b.apiKey })).json()).toMatchObject({ tenantId: b.tenantId, entriesVerified: 0, chainIntact: true });
  });

  it('verifies the chain, and names the first edited entry once one is changed in the database', async () => {
    const { tenantId, apiKey } = await createTenantWithKey(['admin']);
    for (const name of ['one', 'two', 'three']) await callRoute(putSecret, { apiKey, params: { name }, body: { value: SECRET_VALUE } });
    expect(await (await callRoute(verifyAuditTrail, { apiKey })).json()).toMatchObject({ chainIntact: true, entriesVerified: 3, brokenLinks: [] });

    await db().auditEntry.updateMany({ where: { tenantId, seq: 2 }, data: { action: 'deleteSecret' } });
    const check = await (await callRoute(verifyAuditTrail, { apiKey })).json();
    expect(check).toMatchObject({ chainIntact: false, entriesVerified: 1, brokenLinks: [{ kind: 'edited', seq: 2 }] });
  });
});
