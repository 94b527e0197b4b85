import { sealData } from 'iron-session';
import { describe, expect, it } from 'vitest';
import { webEnv } from '@/env.server';
import { callRoute, createSignedInUser, createTenantWithKey } from '@/test/api';
import { listApiKeys } from './routes/api-keys';
import { db } from './services';
import { findSignedInUser } from './session-store';

const asAdmin = (cookie: string) => callRoute(listApiKeys, { headers: { cookie } });

describe('server-side sessions', () => {
  it('a role change ends the sessions signed in with the old role', async () => {
    const { tenantId } = await createTenantWithKey([]);
    const { user, cookie } = await createSignedInUser(tenantId, 'ADMIN');
    expect((await asAdmin(cookie)).status).toBe(200);
    await db().user.update({ where: { id: user.id }, data: { role: 'VIEWER' } });
    expect((await asAdmin(cookie)).status).toBe(401);
    // Given the old role back, the old cookie stays refused: the session was for that role.
    await db().user.update({ where: { id: user.id }, data: { role: 'ADMIN' } });
    const again = await createSignedInUser(tenantId, 'VIEWER');
    await db().user.update({ where: { id: again.user.id }, data: { role: 'ADMIN' } });
    expect((await asAdmin(again.cookie)).status).toBe(401);
  });

  it('removing the user ends their sessions', async () => {
    const { tenantId } = await createTenantWithKey([]);
    const { user, cookie, sessionId } = await createSignedInUser(tenantId, 'ADMIN');
    await db().user.delete({ where: { id: user.id } });
    expect((await asAdmin(cookie)).status).toBe(401);
    expect(await db().session.count({ where: { id: sessionId } })).toBe(0);
  });

  it('an expired session, an old-format cookie and a session id that is not a UUID are no session', async () => {
    const { tenantId } = await createTenantWithKey([]);
    const { sessionId, cookie } = await createSignedInUser(tenantId, 'ADMIN');
    await db().session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await asAdmin(cookie)).status).toBe(401);
    const seal = (data: object) => sealData(data, { password: webEnv().SESSION_SECRET });
    // The cookie of the first format named the user and role itself; it no longer signs anyone in.
    const oldFormat = await seal({ userId: sessionId, tenantId, email: 'a@example.com', role: 'ADMIN' });
    expect((await asAdmin(`cascade_session=${oldFormat}`)).status).toBe(401);
    expect((await asAdmin(`cascade_session=${await seal({ sessionId: "x' OR '1'='1" })}`)).status).toBe(401);
    expect(await findSignedInUser('not-a-uuid')).toBeUndefined();
  });

  it('costs one query per request (measured)', async () => {
    const { tenantId } = await createTenantWithKey([]);
    const { sessionId } = await createSignedInUser(tenantId, 'ADMIN');
    await findSignedInUser(sessionId);
    const rounds = 200;
    const startedAt = performance.now();
    for (let i = 0; i < rounds; i += 1) await findSignedInUser(sessionId);
    console.log(`findSignedInUser: ${((performance.now() - startedAt) / rounds).toFixed(2)} ms per request (${rounds} sequential)`);
  });
});
