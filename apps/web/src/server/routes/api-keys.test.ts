import { describe, expect, it } from 'vitest';
import { callRoute, createTenantWithKey } from '@/test/api';
import { listRoundtrips } from './diagnostics';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys';

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
  });
});
