import { isUuid, type FieldError } from '@cascade/catalog';
import type { Database } from '@cascade/db';
import type { NatsSource } from './sources';

export interface BoundTenant {
  id: string;
  slug: string;
}

export type TenantOutcome = { tenant: BoundTenant } | { refusal: string };

/**
 * Finds the tenant of a message from its source's configuration alone: the source's one tenant, or
 * the subject token when it is one of the allowed tenants. Found tenants are cached (the
 * configuration bounds how many); a missing one is looked up again, so a tenant created later is found.
 */
export function createTenantResolver(source: NatsSource, db: Database): (subject: string) => Promise<TenantOutcome> {
  const found = new Map<string, BoundTenant>();
  const lookup = async (ref: string) => {
    if (!found.has(ref)) {
      const tenant = await db.tenant.findFirst({ where: isUuid(ref) ? { id: ref } : { slug: ref }, select: { id: true, slug: true } });
      if (tenant) found.set(ref, tenant);
    }
    return found.get(ref);
  };

  return async (subject) => {
    const binding = source.tenant;
    let ref: string;
    if ('subjectToken' in binding) {
      const token = subject.split('.')[binding.subjectToken];
      if (token === undefined || !binding.allowed.includes(token)) {
        const named = token === undefined ? 'missing' : `"${token}"`;
        return { refusal: `403 Subject token ${binding.subjectToken} of ${subject} is ${named}, not one of the tenants stream ${source.stream} is bound to (${binding.allowed.join(', ')})` };
      }
      ref = token;
    } else {
      ref = 'id' in binding ? binding.id : binding.slug;
    }
    const tenant = await lookup(ref);
    return tenant ? { tenant } : { refusal: `No Cascade tenant "${ref}" for message on ${subject}` };
  };
}

/** Where a message may name its tenant: the envelope (CloudEvents spells it `tenantid`) and the payload (000's convention). */
const TENANT_PATHS = [['tenantId'], ['tenantid'], ['data', 'tenantId']] as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every place the message names a tenant other than the one its source is bound to (by id or slug; null names none). */
export function foreignTenantNames(body: unknown, tenant: BoundTenant): FieldError[] {
  const errors: FieldError[] = [];
  for (const path of TENANT_PATHS) {
    const value = path.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), body);
    if (value === undefined || value === null || value === tenant.id || value === tenant.slug) continue;
    errors.push({
      path: `/${path.join('/')}`,
      message: `names tenant ${JSON.stringify(value).slice(0, 100)}, not "${tenant.slug}" the source is bound to`,
      expected: `"${tenant.slug}" or "${tenant.id}" (or omitted)`,
      received: JSON.stringify(value).slice(0, 100),
    });
  }
  return errors;
}

/**
 * The envelope as ingestion checks it: ingestion compares the envelope's tenant with the tenant's
 * id, so a tenant the producer named by slug (002's subjects and envelopes use the same key) is
 * renamed by id. Call only after foreignTenantNames found nothing.
 */
export function namingTenantById(body: unknown, tenant: BoundTenant): unknown {
  if (!isRecord(body)) return body;
  const named = { ...body };
  for (const key of ['tenantId', 'tenantid']) {
    if (named[key] === tenant.slug) named[key] = tenant.id;
  }
  return named;
}
