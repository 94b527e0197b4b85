import { nodeTypeOf, type ShallowNode } from '../nodes';

/** One expression of a node, where it sits and what it sees. */
export interface NodeExpression {
  /** `expression`, `cases[1].expression`, `input.amount`. */
  field: string;
  source: string;
  /**
   * Set for filters and the event side of a correlation: they are evaluated against one event
   * (the trigger's own, or the awaited one) before it reaches a run, and see `event` alone.
   */
  filtersEvent?: string;
  /**
   * Where it sits: absent for an expression field (`expression`, `filter`), `leaf` for a mapping's
   * `{"$expr": …}`, `literal` for a mapping's literal string that reads like an expression; then
   * `source` is the expression it reads like and `literal` the string itself.
   */
  form?: 'leaf' | 'literal';
  literal?: string;
}

/** Every expression a node holds: its expression fields and the `$expr` leaves of its mappings. */
export function nodeExpressions(node: ShallowNode): NodeExpression[] {
  return nodeTypeOf(node).expressions?.(node) ?? [];
}
