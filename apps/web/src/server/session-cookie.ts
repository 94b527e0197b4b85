import 'server-only';
import { unsealData, type SessionOptions } from 'iron-session';
import { webEnv } from '../env.server';
import { SESSION_TTL_SECONDS } from './session-store';

/**
 * What the sealed cookie holds: only the id of the server-side session (session-store.ts), so
 * that signing out, a role change or removing the user ends it wherever the cookie is kept.
 */
export interface SessionData {
  sessionId?: string;
}

export function sessionOptions(): SessionOptions {
  return {
    password: webEnv().SESSION_SECRET,
    cookieName: 'cascade_session',
    ttl: SESSION_TTL_SECONDS,
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: webEnv().PUBLIC_URL.startsWith('https:') },
  };
}

/**
 * The session sealed in a request's `Cookie` header, read without Next's `cookies()` so that the
 * API's authentication works the same behind Next and in the custom server's fast path. Unsealed
 * exactly as iron-session's `getIronSession` does; an expired or forged seal reads as no session.
 */
export async function readSessionCookie(cookieHeader: string | undefined): Promise<SessionData> {
  const options = sessionOptions();
  const seal = cookieHeader && cookieValue(cookieHeader, options.cookieName);
  if (!seal) return {};
  return unsealData<SessionData>(seal, { password: options.password, ttl: options.ttl });
}

/** One cookie's value, parsed as Next's `cookies()` does: the last of duplicates wins, values are URI-decoded. */
function cookieValue(header: string, name: string): string | undefined {
  let value: string | undefined;
  for (const pair of header.split(/; */)) {
    const at = pair.indexOf('=');
    if (at === -1 || pair.slice(0, at) !== name) continue;
    try {
      value = decodeURIComponent(pair.slice(at + 1));
    } catch {
      // Next skips a value it cannot decode
    }
  }
  return value;
}
