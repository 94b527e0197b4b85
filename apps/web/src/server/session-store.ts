import 'server-only';
import { isUuid } from '@cascade/catalog';
import { sql } from '@cascade/db';
import { db } from './services';

export type Role = 'ADMIN' | 'EDITOR' | 'VIEWER';

/** Who a live session belongs to, read from the database on each request, never from the cookie. */
export interface SignedInUser {
  sessionId: string;
  userId: string;
  tenantId: string;
  email: string;
  role: Role;
}

/** How long a session lasts after sign-in; the sealed cookie carries the same time to live. */
export const SESSION_TTL_SECONDS = 60 * 60 * 12;

/** Records a sign-in of `user` with its current role; the id goes into the sealed cookie. */
export async function startSession(user: { id: string; role: Role }): Promise<string> {
  // The user's sessions that have run out are cleared here, where the user index finds them cheaply.
  await db().session.deleteMany({ where: { userId: user.id, expiresAt: { lt: new Date() } } });
  const row = await db().session.create({
    data: { userId: user.id, role: user.role, expiresAt: new Date(Date.now() + SESSION_TTL_SECONDS * 1000) },
    select: { id: true },
  });
  return row.id;
}

/**
 * The user of a session that is still live: not signed out, not expired, the user not removed
 * and their role the one they signed in with. One primary-key join per request, on the pool
 * directly, because every page and cookie-authenticated API call runs it.
 */
export async function findSignedInUser(sessionId: string | undefined): Promise<SignedInUser | undefined> {
  if (!sessionId || !isUuid(sessionId)) return undefined;
  const [row] = await sql<{ user_id: string; tenant_id: string; email: string; role: Role }>(
    db(),
    `SELECT u.id AS user_id, u.tenant_id, u.email, u.role
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND s.expires_at > now() AND s.role = u.role`,
    [sessionId],
  );
  return row && { sessionId, userId: row.user_id, tenantId: row.tenant_id, email: row.email, role: row.role };
}

/** Signs a session out for good: its cookie, even if kept, is refused from now on. */
export async function endSession(sessionId: string | undefined): Promise<void> {
  if (!sessionId || !isUuid(sessionId)) return;
  await db().session.deleteMany({ where: { id: sessionId } });
}
