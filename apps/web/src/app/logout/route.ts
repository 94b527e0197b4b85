import { getSession } from '@/server/session';

export async function POST(request: Request): Promise<Response> {
  const session = await getSession();
  session.destroy();
  return Response.redirect(new URL('/login', request.url), 303);
}
