import type { CatalogField } from '../validate/catalog';

/** One described field of a node's output. */
export const field = (path: string, type: string, description: string, extra: Partial<CatalogField> = {}): CatalogField => ({
  path,
  type,
  optional: false,
  description,
  ...extra,
});
