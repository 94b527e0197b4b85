import 'server-only';
import { db } from './services';

/** The signed-in user's tenant, as the pages name it. */
export function findTenant(tenantId: string) {
  return db().tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { id: true, name: true, slug: true } });
}
