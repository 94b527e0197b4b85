import 'server-only';
import type { UserRole } from '@cascade/db';
import { z } from 'zod';
import { eventCatalogFor } from '@/app/workflows/_server/workflow-pages';
import { HttpError } from '@/server/http/problem';
import { db } from '@/server/services';
import { findVisibleTemplate, listVisibleTemplates, templateDetail, toTemplateSummary, visibleTemplateFacets } from '@/server/templates/template-queries';
import type { PickerOptions } from '../_components/picker-options';

/** As many templates as GET /api/v1/templates gives on one page; the gallery says when there are more. */
const GALLERY_LIMIT = 200;

const optionalText = (max: number) =>
  z.string().trim().max(max).optional().transform((value) => value || undefined);

/** The gallery's query string, with the bounds GET /api/v1/templates keeps. */
export const galleryQuery = z.object({
  q: optionalText(200),
  category: optionalText(100),
  event: optionalText(200),
});
export type GalleryQuery = Partial<z.infer<typeof galleryQuery>>;

export type TemplateSummary = ReturnType<typeof toTemplateSummary>;

/**
 * The templates the tenant sees that match the query (through the same query as the API), and
 * the categories and trigger events of all it sees, for the filters.
 */
export async function galleryOf(tenantId: string, query: GalleryQuery) {
  const [matching, facets] = await Promise.all([listVisibleTemplates(tenantId, { ...query, limit: GALLERY_LIMIT }), visibleTemplateFacets(tenantId)]);
  return { templates: matching.rows.map(toTemplateSummary), more: matching.nextCursor !== null, ...facets };
}

/** A template the tenant sees, at a version (its latest by default), or null where it sees none. */
export async function templatePageOf(tenantId: string, key: string, version?: number) {
  try {
    return await templateDetail(await findVisibleTemplate(tenantId, key), version);
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return null;
    throw error;
  }
}

/**
 * What the instantiate form's pickers offer: the tenant's event types, users by email, and secret
 * names (never values), the last to admins only, who alone may list secrets (GET /api/v1/secrets).
 */
export async function pickerOptionsFor(tenantId: string, role: UserRole): Promise<PickerOptions> {
  const [{ options: events }, users, secrets] = await Promise.all([
    eventCatalogFor(tenantId),
    db().user.findMany({ where: { tenantId }, orderBy: { email: 'asc' }, select: { email: true, name: true } }),
    role === 'ADMIN' ? db().secret.findMany({ where: { tenantId }, orderBy: { name: 'asc' }, select: { name: true } }) : null,
  ]);
  return { events, users, secretNames: secrets?.map((secret) => secret.name) ?? null };
}
