import { mintOperatorApiKey } from '@cascade/db';
import { describe, expect, it } from 'vitest';
import { callRoute, createSignedInUser, createTenantWithKey } from '@/test/api';
import { db } from '../services';
import { listRoundtrips } from './diagnostics';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys';
import { publishEvents } from './events';

const moneyDebit = { type: 'money.wallet.debited', source: 'wallet', data: { tenantId: 't', txId: 'x', userId: 'u', amountCents: 1, currency: 'USD' } };

describe('API keys', () => {
  it('creates a key shown once, lists it without the secret, and revokes it', async () => {
    const admin = await createTenantWithKey(['admin']);
    const created = await callRoute(createApiKey, {
      apiKey: admin.apiKey,
      body: { name: 'billing', scopes: ['events:publish', 'workflows:read'], publishNamespaces: ['INVOICE_'], service: 'billing' },
    });
    expect(created.status).toBe(201);
    const { key, id } = (await created.json()) as { key: string; id: string };
    expect((await callRoute(listRoundtrips, { apiKey: key })).status).toBe(200);

    const listed = JSON.stringify(await (await callRoute(listApiKeys, { apiKey: admin.apiKey })).json());
    expect(listed).toContain('"publishNamespaces":["INVOICE_"]');
    expect(listed).not.toContain(key);

    expect((await callRoute(revokeApiKey, { apiKey: admin.apiKey, params: { id } })).status).toBe(200);
    expect((await callRoute(listRoundtrips, { apiKey: key })).status).toBe(401);
  });

  it('never reaches another tenant’s keys', async () => {
    const a = await createTenantWithKey(['admin']);
    const b = await createTenantWithKey(['admin']);
    const { id } = (await (await callRoute(createApiKey, { apiKey: b.apiKey, body: { name: 'b', scopes: ['admin'] } })).json()) as { id: string };
    const revoke = await callRoute(revokeApiKey, { apiKey: a.apiKey, params: { id } });
    expect(revoke.status).toBe(404);
    const listedByA = (await (await callRoute(listApiKeys, { apiKey: a.apiKey })).json()) as { items: Array<{ id: string }> };
    expect(listedByA.items.map((k) => k.id)).not.toContain(id);
  });

  it('refuses unknown scopes with the path of the bad entry', async () => {
    const admin = await createTenantWithKey(['admin']);
    const response = await callRoute(createApiKey, { apiKey: admin.apiKey, body: { name: 'x', scopes: ['root'] } });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].path).toBe('/body/scopes/0');
    const twice = await callRoute(createApiKey, { apiKey: admin.apiKey, body: { name: 'x', scopes: ['admin', 'admin'] } });
    expect(twice.status).toBe(400);
    expect((await twice.json()).errors).toEqual([expect.objectContaining({ path: '/body/scopes', message: 'List each scope once' })]);
  });

  it('403 when a tenant admin, by key or by session, mints a key of the service owning money.*', async () => {
    const admin = await createTenantWithKey(['admin']);
    const body = { name: 'fake money', scopes: ['events:publish'], service: 'money' };
    const byKey = await callRoute(createApiKey, { apiKey: admin.apiKey, body });
    expect(byKey.status).toBe(403);
    expect((await byKey.json()).detail).toContain('Keys of the money service, which alone may publish money.*, are minted by the platform operator');
    const { cookie } = await createSignedInUser(admin.tenantId, 'ADMIN');
    expect((await callRoute(createApiKey, { headers: { cookie }, body })).status).toBe(403);
    // The service name is compared after trimming, as it is stored.
    expect((await callRoute(createApiKey, { apiKey: admin.apiKey, body: { ...body, service: ' money ' } })).status).toBe(403);
    expect(await db().apiKey.count({ where: { tenantId: admin.tenantId, service: 'money' } })).toBe(0);
  });

  it('the platform operator mints the money service’s key from the command line, and it publishes money.*', async () => {
    const { tenantId } = await createTenantWithKey([]);
    const { slug } = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
    const minted = await mintOperatorApiKey(db(), { tenant: slug, name: 'Money service', scopes: ['events:publish'], service: 'money' });
    expect((await callRoute(publishEvents, { apiKey: minted.key, body: moneyDebit })).status).toBe(202);
    await expect(mintOperatorApiKey(db(), { tenant: 'no-such-tenant', name: 'x', scopes: ['events:publish'] })).rejects.toThrow('No tenant with the slug');
    await expect(mintOperatorApiKey(db(), { tenant: slug, name: 'x', scopes: [] })).rejects.toThrow('at least one scope');
  });
});
