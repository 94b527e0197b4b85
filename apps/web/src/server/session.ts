import 'server-only';
import { getIronSession } from 'iron-session';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { sessionOptions, type SessionData } from './session-cookie';

export type { SessionData };
export type SignedInSession = Required<SessionData>;

/** The session of a page, server action or Next route, which may also change and save it. */
export async function getSession() {
  return getIronSession<SessionData>(await cookies(), sessionOptions());
}

/** The signed-in user of a page, or a redirect to the login page. */
export async function requireSession(): Promise<SignedInSession> {
  const session = await getSession();
  if (!session.userId || !session.tenantId || !session.email || !session.role) redirect('/login');
  return { userId: session.userId, tenantId: session.tenantId, email: session.email, role: session.role };
}
