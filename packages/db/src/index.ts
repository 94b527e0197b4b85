import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

export * from './generated/client';
export type * from './generated/models';

export type Database = InstanceType<typeof PrismaClient>;

/** The one way Cascade opens its database: the generated Prisma client over node-postgres. */
export function createDatabase(databaseUrl: string, options: { maxConnections?: number } = {}): Database {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
}

/** Answers whether the database accepts queries; never throws. */
export async function checkDatabase(db: Database): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await db.$queryRaw`SELECT 1`;
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export { API_KEY_SCOPES, type ApiKeyScope, apiKeyFromString, generateApiKey, hashApiKey, hashPassword, verifyPassword } from './credentials';
export { DEMO_ADMIN_EMAIL, DEMO_TENANT_SLUG, seedDemoTenant, type SeedResult } from './seed';
export { DISPATCH_CHANNEL } from './channels';
export { toEnvelope, type StoredEnvelope } from './event-envelope';
