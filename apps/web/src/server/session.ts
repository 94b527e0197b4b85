import 'server-only';
import { getIronSession } from 'iron-session';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { sessionOptions, type SessionData } from './session-cookie';
import { findSignedInUser, type SignedInUser } from './session-store';

export type { SessionData };
export type SignedInSession = SignedInUser;

/** The sealed session cookie of a page, server action or Next route, which may also change and save it. */
export async function getSession() {
  return getIronSession<SessionData>(await cookies(), sessionOptions());
}

/** The signed-in user of a page, or a redirect to the login page when the session is over. */
export async function requireSession(): Promise<SignedInSession> {
  const user = await findSignedInUser((await getSession()).sessionId);
  if (!user) redirect('/login');
  return user;
}
