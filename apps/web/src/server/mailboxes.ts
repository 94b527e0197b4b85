import 'server-only';
import { db } from './services';

/** What the tenant's workflows sent to people: in-app notifications and mail captured in development. */

/** The newest notifications, newest first. */
export function recentNotifications(tenantId: string, take = 100) {
  return db().notification.findMany({ where: { tenantId }, orderBy: { createdAt: 'desc' }, take });
}

export async function markNotificationsRead(tenantId: string): Promise<void> {
  await db().notification.updateMany({ where: { tenantId, readAt: null }, data: { readAt: new Date() } });
}

/** The newest captured messages, without their bodies. */
export function recentCapturedEmails(tenantId: string, take = 100) {
  return db().capturedEmail.findMany({
    where: { tenantId },
    select: { id: true, receivedAt: true, from: true, to: true, subject: true },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take,
  });
}

export function findCapturedEmail(tenantId: string, id: bigint) {
  return db().capturedEmail.findFirst({ where: { id, tenantId } });
}
