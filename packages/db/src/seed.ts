import { API_KEY_SCOPES, apiKeyFromString, generateApiKey } from './credentials';
import { hashPassword } from './passwords';
import type { Database } from './index';

export const DEMO_TENANT_SLUG = 'demo';
export const DEMO_ADMIN_EMAIL = 'admin@demo.cascade.local';

export interface SeedResult {
  tenantId: string;
  adminEmail: string;
  /** Set only when this call created the admin, since the password is stored hashed. */
  adminPassword?: string;
  /** Set only when this call created the key, since the key is stored hashed. */
  apiKey?: string;
}

/**
 * Creates the demo tenant with an admin login and an all-scopes API key, once. Later calls
 * change nothing, except that a BOOTSTRAP_API_KEY not yet stored is added.
 */
export async function seedDemoTenant(
  db: Database,
  options: { adminPassword: string; bootstrapApiKey?: string },
): Promise<SeedResult> {
  const tenant = await db.tenant.upsert({
    where: { slug: DEMO_TENANT_SLUG },
    create: { slug: DEMO_TENANT_SLUG, name: 'Demo' },
    update: {},
  });
  const result: SeedResult = { tenantId: tenant.id, adminEmail: DEMO_ADMIN_EMAIL };

  const admin = await db.user.findUnique({ where: { tenantId_email: { tenantId: tenant.id, email: DEMO_ADMIN_EMAIL } } });
  if (!admin) {
    await db.user.create({
      data: {
        tenantId: tenant.id,
        email: DEMO_ADMIN_EMAIL,
        name: 'Demo Admin',
        role: 'ADMIN',
        passwordHash: await hashPassword(options.adminPassword),
      },
    });
    result.adminPassword = options.adminPassword;
  }

  const wanted = options.bootstrapApiKey ? apiKeyFromString(options.bootstrapApiKey) : undefined;
  if (options.bootstrapApiKey && !wanted) {
    throw new Error('BOOTSTRAP_API_KEY must look like csk_<8 lowercase letters or digits>_<32+ url-safe characters>');
  }
  const existing = wanted
    ? await db.apiKey.findUnique({ where: { hash: wanted.hash } })
    : await db.apiKey.findFirst({ where: { tenantId: tenant.id, revokedAt: null } });
  if (!existing) {
    const key = wanted ?? generateApiKey();
    await db.apiKey.create({
      data: { tenantId: tenant.id, name: 'Bootstrap key', prefix: key.prefix, hash: key.hash, scopes: [...API_KEY_SCOPES] },
    });
    result.apiKey = key.key;
  }
  return result;
}
