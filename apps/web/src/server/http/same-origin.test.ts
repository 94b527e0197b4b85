import { describe, expect, it } from 'vitest';
import { callRoute, createSignedInUser, createTenantWithKey } from '@/test/api';
import { createApiKey, listApiKeys } from '../routes/api-keys';

const body = { name: 'from the browser', scopes: ['workflows:read'] };

async function signedInAdmin() {
  const tenant = await createTenantWithKey(['admin']);
  return { ...tenant, cookie: (await createSignedInUser(tenant.tenantId, 'ADMIN')).cookie };
}

describe('cookie-authenticated changes from another site', () => {
  it('403 when Origin is another site or Sec-Fetch-Site says cross-site or same-site', async () => {
    const { cookie } = await signedInAdmin();
    for (const headers of <Record<string, string>[]>[
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost:3001' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'http://localhost:3000' },
    ]) {
      const answer = await callRoute(createApiKey, { headers: { cookie, ...headers }, body });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect((await answer.json()).detail).toContain('may not change anything with the session cookie');
    }
  });

  it('lets same-origin changes, reads from anywhere, and API keys from anywhere through', async () => {
    const { cookie, apiKey } = await signedInAdmin();
    expect((await callRoute(createApiKey, { headers: { cookie, origin: 'http://localhost:3000' }, body })).status).toBe(201);
    expect((await callRoute(createApiKey, { headers: { cookie, 'sec-fetch-site': 'same-origin' }, body })).status).toBe(201);
    // Neither header: not a browser acting on its own (curl, a script with the cookie).
    expect((await callRoute(createApiKey, { headers: { cookie }, body })).status).toBe(201);
    expect((await callRoute(listApiKeys, { headers: { cookie, 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
    expect((await callRoute(createApiKey, { apiKey, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, body })).status).toBe(201);
  });
});
