/**
 * How large a tenant's JSON Schema may be. A schema is tenant input that every catalog page,
 * designer field list, publish and version check walks, so registration refuses what exceeds
 * these, and walks of schemas stored before a limit existed stop at them instead of running away.
 */
export const schemaLimits = {
  /** UTF-8 bytes of the schema document as JSON. */
  maxBytes: 256 * 1024,
  /**
   * Nesting of objects and arrays in the schema document. A nested field costs two levels
   * (its schema, then `properties`) or a few more through `anyOf` or `items`.
   */
  maxDepth: 128,
  /**
   * Schema nodes one walk (a field list, one side of a compatibility check) may read once local
   * `$ref`s are followed. Each `$ref` is expanded where it is used, so 26 `$defs` each referring
   * twice to the next would otherwise read 2^26 nodes. The largest built-in payload reads fewer than 20.
   */
  maxExpandedNodes: 5_000,
  /** Levels of nested fields a field list descends (`a.b[].c` is three). */
  maxFieldDepth: 32,
} as const;

/** Why a walk of a schema stopped early: the limit it reached and the field it was at. */
export interface ExpansionLimit {
  limit: 'maxExpandedNodes' | 'maxFieldDepth';
  /** Field path in the field-list notation, `(root)` for the payload itself. */
  path: string;
}

/** Thrown inside a walk that has read `schemaLimits.maxExpandedNodes` nodes; walks catch it. */
export class ExpansionBudgetExceeded extends Error {
  constructor() {
    super(`The schema expands to more than ${schemaLimits.maxExpandedNodes} nodes once its $refs are followed`);
  }
}

export function describeExpansionLimit({ limit, path }: ExpansionLimit): string {
  return limit === 'maxExpandedNodes'
    ? `The schema expands to more than ${schemaLimits.maxExpandedNodes} nodes once its $refs are followed (stopped at field ${path})`
    : `Field ${path} is nested more than ${schemaLimits.maxFieldDepth} levels deep`;
}
