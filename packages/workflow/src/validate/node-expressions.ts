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
}

/** Every expression a node holds: its expression fields and the `$expr` leaves of its mappings. */
export function nodeExpressions(node: ShallowNode): NodeExpression[] {
  return nodeTypeOf(node).expressions?.(node) ?? [];
}
