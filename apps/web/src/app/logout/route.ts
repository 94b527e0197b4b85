import { webEnv } from '@/env.server';
import { HttpError, problemDocument } from '@/server/http/problem';
import { checkSameOrigin } from '@/server/http/same-origin';
import { readSessionCookie, sessionOptions } from '@/server/session-cookie';
import { endSession } from '@/server/session-store';

/** Signs out: the server-side session ends, so the cookie is refused even where a copy was kept. */
export async function POST(request: Request): Promise<Response> {
  try {
    checkSameOrigin(request.method, (name) => request.headers.get(name) ?? undefined, webEnv().PUBLIC_URL);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return Response.json(problemDocument(error), { status: error.status, headers: { 'content-type': 'application/problem+json' } });
  }
  await endSession((await readSessionCookie(request.headers.get('cookie') ?? undefined)).sessionId);
  const { cookieName } = sessionOptions();
  // A relative Location: behind the custom server request.url names Next's own host (localhost),
  // not the one the browser used, and CSP's form-action 'self' refuses a redirect to another origin.
  return new Response(null, {
    status: 303,
    headers: { location: '/login', 'set-cookie': `${cookieName}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax` },
  });
}
