import type { CatalogField } from './catalog';

interface FieldEntry {
  segments: string[];
  type: string;
}

/** `lines[].sku` → `['lines', 'sku']`: JSONata steps through arrays without an explicit index. */
function segmentsOf(path: string): string[] {
  return path.split('.').map((segment) => segment.replace(/\[\]$/, ''));
}

const entriesByFields = new WeakMap<readonly CatalogField[], FieldEntry[]>();

/** Split once per field list: a workflow's every expression may read the same payload of thousands of fields. */
function entriesOf(fields: readonly CatalogField[]): FieldEntry[] {
  let entries = entriesByFields.get(fields);
  if (!entries) {
    entries = fields.map((field) => ({ segments: segmentsOf(field.path), type: field.type }));
    entriesByFields.set(fields, entries);
  }
  return entries;
}

const matches = (pattern: readonly string[], path: readonly string[]) =>
  pattern.length === path.length && pattern.every((segment, index) => segment === '*' || segment === path[index]);

/**
 * The first prefix of `path` that names no field, or undefined when the whole path is a field or
 * lies beneath one whose contents are not described (an `unknown` value, or an object listed
 * without children, such as a free-form record).
 */
export function firstUnknownPrefix(fields: readonly CatalogField[], path: readonly string[]): string[] | undefined {
  const entries = entriesOf(fields);
  const isOpen = (entry: FieldEntry) =>
    entry.type.includes('unknown') ||
    (entry.type.includes('object') && !entries.some((other) => other.segments.length > entry.segments.length && matches(entry.segments, other.segments.slice(0, entry.segments.length))));
  for (let depth = 1; depth <= path.length; depth += 1) {
    const prefix = path.slice(0, depth);
    if (entries.some((entry) => entry.segments.length >= depth && matches(entry.segments.slice(0, depth), prefix))) continue;
    const parent = prefix.slice(0, -1);
    const parentIsOpen = depth > 1 && entries.some((entry) => matches(entry.segments, parent) && isOpen(entry));
    return parentIsOpen ? undefined : prefix;
  }
  return undefined;
}

/** The top-level field names, for messages that say what would have been valid. */
export function topLevelFieldNames(fields: readonly CatalogField[]): string[] {
  return [...new Set(fields.map((field) => segmentsOf(field.path)[0]!))];
}
