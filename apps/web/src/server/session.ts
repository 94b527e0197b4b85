import 'server-only';
import { getIronSession, type SessionOptions } from 'iron-session';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { webEnv } from '../env.server';

export interface SessionData {
  userId?: string;
  tenantId?: string;
  email?: string;
  role?: 'ADMIN' | 'EDITOR' | 'VIEWER';
}

export type SignedInSession = Required<SessionData>;

function sessionOptions(): SessionOptions {
  return {
    password: webEnv().SESSION_SECRET,
    cookieName: 'cascade_session',
    ttl: 60 * 60 * 12,
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: webEnv().PUBLIC_URL.startsWith('https:') },
  };
}

export async function getSession() {
  return getIronSession<SessionData>(await cookies(), sessionOptions());
}

/** The signed-in user of a page, or a redirect to the login page. */
export async function requireSession(): Promise<SignedInSession> {
  const session = await getSession();
  if (!session.userId || !session.tenantId || !session.email || !session.role) redirect('/login');
  return { userId: session.userId, tenantId: session.tenantId, email: session.email, role: session.role };
}
