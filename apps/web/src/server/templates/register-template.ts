import 'server-only';
import { createHash } from 'node:crypto';
import type { JsonSchema } from '@cascade/catalog';
import type { Prisma } from '@cascade/db';
import type { Principal } from '../http/authenticate';
import { forbidden, HttpError } from '../http/problem';
import { db } from '../services';
import { validationCatalogFor } from '../validation-catalog';
import { checkParameterSchema, checkTemplateDefinition, literalTriggerEvent } from './check-template';

export interface TemplateRegistration {
  key: string;
  visibility: 'tenant' | 'global';
  name: string;
  description: string;
  category: string;
  tags: string[];
  parameterSchema: JsonSchema;
  definition: Record<string, unknown>;
}

/** JSON with object keys sorted, so equal content hashes equally whatever order it was sent in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const contentHashOf = ({ name, description, category, tags, parameterSchema, definition }: Omit<TemplateRegistration, 'visibility'>) =>
  createHash('sha256').update(canonicalJson({ name, description, category, tags, parameterSchema, definition })).digest('hex');

/**
 * Registers a template, or its next version when the content changed; registering the same
 * content again changes nothing, so a system may register its templates on every deploy. A global
 * template needs a platform operator's key and may use only what every tenant has (the built-in
 * catalog and actions). A tenant's template may not take a global template's key.
 */
export async function registerTemplate(principal: Principal, registration: TemplateRegistration): Promise<{ template: Prisma.TemplateGetPayload<object>; created: boolean }> {
  if (registration.visibility === 'global' && !principal.platformOperator) {
    throw forbidden('Only a platform operator’s key registers global templates (npm run api-key:create -- --operator); register it for this tenant instead');
  }
  return saveTemplate({ tenantId: registration.visibility === 'global' ? null : principal.tenantId, registeredBy: principal.id }, registration);
}

/**
 * Checks and stores a template for its owner (a tenant, or null for a global one), as its next
 * version when the content changed. Cascade's built-in templates come here directly, registered
 * by no key (`registeredBy` null).
 */
export async function saveTemplate(
  { tenantId, registeredBy }: { tenantId: string | null; registeredBy: string | null },
  registration: Omit<TemplateRegistration, 'visibility'>,
): Promise<{ template: Prisma.TemplateGetPayload<object>; created: boolean }> {
  checkParameterSchema(registration.parameterSchema);
  checkTemplateDefinition(registration.definition, registration.parameterSchema, await validationCatalogFor(tenantId));
  const contentHash = contentHashOf(registration);
  const content = {
    name: registration.name,
    description: registration.description,
    category: registration.category,
    tags: registration.tags,
  };

  return db().$transaction(async (tx) => {
    // One registration of a key at a time: PostgreSQL's unique index cannot hold a NULL (global)
    // tenant to one row per key, and deploys of several replicas register at once.
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${`template:${registration.key}`}, 0))`;
    if (tenantId !== null && (await tx.template.findFirst({ where: { tenantId: null, key: registration.key }, select: { id: true } }))) {
      throw new HttpError(409, 'Conflict', `"${registration.key}" is the key of a global template; register yours under another key`);
    }
    const existing = await tx.template.findFirst({ where: { tenantId, key: registration.key } });
    if (existing) {
      const latest = await tx.templateVersion.findUniqueOrThrow({ where: { templateId_version: { templateId: existing.id, version: existing.latestVersion } } });
      if (latest.contentHash === contentHash) return { template: existing, created: false };
    }
    const template = existing
      ? await tx.template.update({
          where: { id: existing.id },
          data: { ...content, triggerEvent: literalTriggerEvent(registration.definition), latestVersion: existing.latestVersion + 1 },
        })
      : await tx.template.create({
          data: { tenantId, key: registration.key, ...content, triggerEvent: literalTriggerEvent(registration.definition), latestVersion: 1 },
        });
    await tx.templateVersion.create({
      data: {
        templateId: template.id,
        version: template.latestVersion,
        ...content,
        parameterSchema: registration.parameterSchema as Prisma.InputJsonValue,
        definition: registration.definition as Prisma.InputJsonValue,
        contentHash,
        registeredBy,
      },
    });
    return { template, created: true };
  });
}
