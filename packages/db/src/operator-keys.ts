import { z } from 'zod';
import { API_KEY_SCOPES, generateApiKey } from './credentials';
import type { Database } from './index';

/**
 * What the platform operator asks for with `npm run api-key:create`: a key of any tenant, and
 * of any service, including those owning a restricted namespace (CASCADE_RESTRICTED_NAMESPACES),
 * which a tenant's admin may not mint over the API, and keys of the operator itself (global templates). Whoever can run this holds DATABASE_URL,
 * which is what makes them the operator.
 */
export const OperatorKeyRequest = z.object({
  tenant: z.string().min(1, 'name the tenant by its slug (--tenant demo)'),
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, `give at least one scope (--scope ${API_KEY_SCOPES[0]})`),
  service: z.string().trim().min(1).max(100).optional(),
  publishNamespaces: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  /** A platform operator's key may register global templates, which every tenant sees and instantiates. */
  platformOperator: z.boolean().default(false),
});
export type OperatorKeyRequest = z.input<typeof OperatorKeyRequest>;

/** Mints the key; its plaintext is in the answer only, as with keys made over the API. */
export async function mintOperatorApiKey(db: Database, request: OperatorKeyRequest): Promise<{ id: string; key: string }> {
  const { tenant: slug, ...fields } = OperatorKeyRequest.parse(request);
  const tenant = await db.tenant.findUnique({ where: { slug } });
  if (!tenant) throw new Error(`No tenant with the slug "${slug}"`);
  const key = generateApiKey();
  const row = await db.apiKey.create({ data: { tenantId: tenant.id, prefix: key.prefix, hash: key.hash, ...fields }, select: { id: true } });
  return { id: row.id, key: key.key };
}
