'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { CLIENT_ADDRESS_HEADER } from '@/server/http/client-address';
import { getSession } from '@/server/session';
import { startSession } from '@/server/session-store';
import { signIn } from '@/server/sign-in';

const Credentials = z.object({
  email: z.email('Enter your email address').max(320).transform((e) => e.toLowerCase()),
  // scrypt reads the whole password; a megabyte-long one would only burn CPU.
  password: z.string().min(1, 'Enter your password').max(1024, 'The password is longer than 1024 characters'),
});

export interface LoginState {
  error?: string;
}

export async function login(_previous: LoginState, form: FormData): Promise<LoginState> {
  const parsed = Credentials.safeParse({ email: form.get('email'), password: form.get('password') });
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const address = (await headers()).get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
  const result = await signIn({ ...parsed.data, address });
  if (result.outcome === 'throttled') return { error: tooManyAttempts(result.retryAfterSeconds) };
  if (result.outcome === 'wrong') return { error: 'The email or password is wrong' };
  const session = await getSession();
  session.sessionId = await startSession(result.user);
  await session.save();
  redirect('/');
}

/** The page's equivalent of 429 with Retry-After. */
function tooManyAttempts(seconds: number): string {
  const wait = seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many sign-in attempts. Try again in ${wait}.`;
}
