import { expressionLeaves, formatFieldPath, type FieldPath, type Mapping } from '../definition/mapping-values';
import type { NodeExpression } from '../validate/node-expressions';

/** An expression field of a node, when it is set. `filtersEvent`: it sees that event alone. */
export function expressionField(field: string, source: string | undefined, filtersEvent?: string): NodeExpression[] {
  return source === undefined ? [] : [{ field, source, ...(filtersEvent === undefined ? {} : { filtersEvent }) }];
}

/** The `$expr` leaves of a mapping, addressed under `at`. */
export function mappingExpressions(at: FieldPath, mapping: Mapping): NodeExpression[] {
  return expressionLeaves(mapping, at).map((leaf) => ({ field: formatFieldPath(leaf.path), source: leaf.source }));
}
