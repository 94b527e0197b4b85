import { describe, expect, it } from 'vitest';
import { callRoute, createSignedInUser, createTenantWithKey } from '@/test/api';
import { listApiKeys } from '@/server/routes/api-keys';
import { POST as logout } from './route';

const signOut = (cookie: string, headers: Record<string, string> = {}) =>
  logout(new Request('http://localhost:3000/logout', { method: 'POST', headers: { cookie, ...headers } }));

describe('signing out', () => {
  it('ends the session on the server: a kept copy of the cookie is refused afterwards', async () => {
    const { tenantId } = await createTenantWithKey([]);
    const { cookie } = await createSignedInUser(tenantId, 'ADMIN');
    expect((await callRoute(listApiKeys, { headers: { cookie } })).status).toBe(200);
    const answer = await signOut(cookie, { 'sec-fetch-site': 'same-origin' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/login');
    expect(answer.headers.get('set-cookie')).toMatch(/^cascade_session=; Path=\/; Max-Age=0/);
    expect((await callRoute(listApiKeys, { headers: { cookie } })).status).toBe(401);
  });

  it('403 for a sign-out sent from another site, which leaves the session alive', async () => {
    const { tenantId } = await createTenantWithKey([]);
    const { cookie } = await createSignedInUser(tenantId, 'ADMIN');
    const answer = await signOut(cookie, { origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect((await callRoute(listApiKeys, { headers: { cookie } })).status).toBe(200);
  });
});
