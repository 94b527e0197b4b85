// Mapping values and the pure helpers over them, apart from their zod schemas (mapping.ts) so that
// workflow code can use them without loading zod.

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

/** Every literal string of a mapping with its path, in document order (an expression leaf's source is not one). */
export function literalStrings(mapping: Mapping, at: FieldPath = []): Array<{ path: FieldPath; text: string }> {
  if (typeof mapping === 'string') return [{ path: at, text: mapping }];
  if (isExpressionLeaf(mapping)) return [];
  if (Array.isArray(mapping)) return mapping.flatMap((item, index) => literalStrings(item, [...at, index]));
  if (mapping !== null && typeof mapping === 'object') {
    return Object.entries(mapping).flatMap(([key, value]) => literalStrings(value, [...at, key]));
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
