'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/server/services';
import { requireSession } from '@/server/session';

export async function markAllRead(): Promise<void> {
  const session = await requireSession();
  await db().notification.updateMany({ where: { tenantId: session.tenantId, readAt: null }, data: { readAt: new Date() } });
  revalidatePath('/inbox');
}
