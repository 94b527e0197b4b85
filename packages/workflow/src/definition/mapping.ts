import { z } from 'zod';
import { expressionLeafSchema } from './fields';

/** A mapping leaf computed at run time: `{"$expr": "<JSONata>"}`. */
export interface ExpressionLeaf {
  $expr: string;
}

/** JSON whose leaves are literals or expression leaves (DESIGN.md §5). */
export type Mapping = string | number | boolean | null | ExpressionLeaf | Mapping[] | { [key: string]: Mapping };

/** The named values a node maps: an action's input, an event's data, the variables to assign. */
export type MappingObject = { [key: string]: Mapping };

/** A path into a mapping or a node: property names and array indexes. */
export type FieldPath = ReadonlyArray<string | number>;

// A literal object may not use the key `$expr`: it would read as an expression leaf with a typo.
const literalKey = z.string().refine((key) => key !== '$expr', 'An expression leaf is {"$expr": "..."} with no other keys');

export const mappingSchema: z.ZodType<Mapping> = z.lazy(() =>
  z.union([
    expressionLeafSchema,
    z.array(mappingSchema),
    z.record(literalKey, mappingSchema),
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
  ], { error: 'Expected a literal (text, number, true/false, null, list or object) or an expression leaf {"$expr": "<JSONata>"}' }),
);

export const mappingObjectSchema: z.ZodType<MappingObject> = z.record(literalKey, mappingSchema);

export function isExpressionLeaf(value: unknown): value is ExpressionLeaf {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as ExpressionLeaf).$expr === 'string';
}

/** Every expression leaf of a mapping with its path, in document order. */
export function expressionLeaves(mapping: Mapping, at: FieldPath = []): Array<{ path: FieldPath; source: string }> {
  if (isExpressionLeaf(mapping)) return [{ path: at, source: mapping.$expr }];
  if (Array.isArray(mapping)) return mapping.flatMap((item, index) => expressionLeaves(item, [...at, index]));
  if (mapping !== null && typeof mapping === 'object') {
    return Object.entries(mapping).flatMap(([key, value]) => expressionLeaves(value, [...at, key]));
  }
  return [];
}

/** The mapping with every expression leaf replaced by what `replace` returns for it. */
export function replaceExpressionLeaves(mapping: Mapping, replace: (leaf: ExpressionLeaf, path: FieldPath) => unknown, at: FieldPath = []): unknown {
  if (isExpressionLeaf(mapping)) return replace(mapping, at);
  if (Array.isArray(mapping)) return mapping.map((item, index) => replaceExpressionLeaves(item, replace, [...at, index]));
  if (mapping !== null && typeof mapping === 'object') {
    return Object.fromEntries(Object.entries(mapping).map(([key, value]) => [key, replaceExpressionLeaves(value, replace, [...at, key])]));
  }
  return mapping;
}

/** `input.lines[0].sku`: how problems name a field. */
export function formatFieldPath(path: FieldPath): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key),
    '',
  );
}

/** The value at a path into JSON, or undefined when the path leads nowhere. */
export function valueAtPath(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  return path.reduce<unknown>(
    (current, key) => (typeof current === 'object' && current !== null ? (current as Record<PropertyKey, unknown>)[key] : undefined),
    value,
  );
}
