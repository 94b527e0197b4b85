'use server';

import { verifyPassword } from '@cascade/db';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { db } from '@/server/services';
import { getSession } from '@/server/session';

const Credentials = z.object({
  email: z.email('Enter your email address').transform((e) => e.toLowerCase()),
  password: z.string().min(1, 'Enter your password'),
});

export interface LoginState {
  error?: string;
}

export async function login(_previous: LoginState, form: FormData): Promise<LoginState> {
  const parsed = Credentials.safeParse({ email: form.get('email'), password: form.get('password') });
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const candidates = await db().user.findMany({ where: { email: parsed.data.email } });
  let user: (typeof candidates)[number] | undefined;
  for (const candidate of candidates) {
    if (await verifyPassword(parsed.data.password, candidate.passwordHash)) user = candidate;
  }
  if (!user) return { error: 'The email or password is wrong' };
  const session = await getSession();
  Object.assign(session, { userId: user.id, tenantId: user.tenantId, email: user.email, role: user.role });
  await session.save();
  redirect('/');
}
