import { expressionLeaves, formatFieldPath, literalStrings, type FieldPath, type Mapping } from '../definition/mapping-values';
import { expressionInLiteral } from '../expressions/lookalike';
import type { NodeExpression } from '../validate/node-expressions';

/** An expression field of a node, when it is set. `filtersEvent`: it sees that event alone. */
export function expressionField(field: string, source: string | undefined, filtersEvent?: string): NodeExpression[] {
  return source === undefined ? [] : [{ field, source, ...(filtersEvent === undefined ? {} : { filtersEvent }) }];
}

/**
 * The `$expr` leaves of a mapping, addressed under `at`, and its literal strings that read like an
 * expression (`"event.data.x"`, `"{{ event.data.x }}"`), with the expression they read like.
 */
export function mappingExpressions(at: FieldPath, mapping: Mapping): NodeExpression[] {
  const leaves = expressionLeaves(mapping, at).map((leaf): NodeExpression => ({ field: formatFieldPath(leaf.path), source: leaf.source, form: 'leaf' }));
  const lookalikes = literalStrings(mapping, at).flatMap(({ path, text }): NodeExpression[] => {
    const source = expressionInLiteral(text);
    return source === undefined ? [] : [{ field: formatFieldPath(path), source, form: 'literal', literal: text }];
  });
  return [...leaves, ...lookalikes];
}
