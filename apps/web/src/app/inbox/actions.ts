'use server';

import { revalidatePath } from 'next/cache';
import { markNotificationsRead } from '@/server/mailboxes';
import { requireSession } from '@/server/session';

export async function markAllRead(): Promise<void> {
  const session = await requireSession();
  await markNotificationsRead(session.tenantId);
  revalidatePath('/inbox');
}
