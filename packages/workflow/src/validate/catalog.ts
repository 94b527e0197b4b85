import type { z } from 'zod';

/**
 * What the validator needs to know about events, actions and workflows. Injected, so this package
 * depends on neither the catalog nor the actions package and runs the same in the browser, the
 * API and the worker.
 */
export interface ValidationCatalog {
  /** The event type at `version`, or at its latest version when none is given. */
  getEvent(type: string, version?: number): CatalogEvent | undefined;
  getAction(id: string): CatalogAction | undefined;
  /** Without it, sub-workflow references are not checked (the browser may not know them). */
  getWorkflow?(id: string, version: number): CatalogWorkflow | undefined;
}

/**
 * One field of a payload or output, in the catalog's field-list format: `customer.id`,
 * `lines[].sku` (`[]` steps into array items), `changes.*.previous` (`*` is any key of a map).
 */
export interface CatalogField {
  path: string;
  /** JSON type; `unknown` or a childless `object` lets expressions read anything beneath it. */
  type: string;
  optional: boolean;
  /** What the field holds, for the designer's data picker and generated forms. */
  description?: string;
  /** The values it may take, when the schema lists them. */
  enum?: readonly unknown[];
  /** The element type of an array field. */
  itemType?: string;
  /** `date-time`, `email`, … when the schema names one. */
  format?: string;
}

/** One way a value fails a schema, at a path into the value. */
export interface SchemaIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

export type ValueCheck = (value: unknown) => SchemaIssue[];

export interface CatalogEvent {
  /** The version this entry describes. */
  version: number;
  fields: readonly CatalogField[];
  validatePayload: ValueCheck;
}

export interface CatalogAction {
  /** The action's input schema, or a function that checks a value against it. */
  input: z.ZodType | ValueCheck;
  /** The input's fields: what the designer's form offers and what mapped expressions must fit. */
  inputFields?: readonly CatalogField[];
  /** What `steps.<id>.output` holds; unchecked when absent. */
  outputFields?: readonly CatalogField[];
}

export interface CatalogWorkflow {
  validateInput?: ValueCheck;
}

/** Runs a zod schema or a check function the same way. */
export function checkValue(check: z.ZodType | ValueCheck, value: unknown): SchemaIssue[] {
  if (typeof check === 'function') return check(value);
  const result = check.safeParse(value);
  return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }));
}
