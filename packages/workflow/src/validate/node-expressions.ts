import { expressionLeaves, formatFieldPath, type FieldPath, type Mapping } from '../definition/mapping';
import type { ShallowNode } from '../definition/workflow';

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
  const field = (name: string, source: string | undefined, filtersEvent?: string): NodeExpression[] =>
    source === undefined ? [] : [{ field: name, source, ...(filtersEvent === undefined ? {} : { filtersEvent }) }];
  const leaves = (at: FieldPath, mapping: Mapping) =>
    expressionLeaves(mapping, at).map((leaf) => ({ field: formatFieldPath(leaf.path), source: leaf.source }));
  switch (node.type) {
    case 'trigger':
      return field('filter', node.filter, node.event);
    case 'action':
    case 'subWorkflow':
      return leaves(['input'], node.input);
    case 'condition':
      return field('expression', node.expression);
    case 'switch':
      return node.cases.flatMap((c, index) => field(`cases[${index}].expression`, c.expression));
    case 'forEach':
      return field('items', node.items);
    case 'delay':
      return field('until', node.until);
    case 'waitForEvent':
      return [
        ...field('correlation.event', node.correlation.event, node.event),
        ...field('correlation.run', node.correlation.run),
        ...field('filter', node.filter, node.event),
      ];
    case 'approval':
      return [...leaves(['assignees'], node.assignees), ...(node.escalation ? leaves(['escalation', 'assignees'], node.escalation.assignees) : [])];
    case 'emit':
      return leaves(['data'], node.data);
    case 'setVariables':
      return leaves(['assign'], node.assign);
    case 'fail':
      return field('message', node.message);
    case 'parallel':
    case 'join':
    case 'end':
      return [];
  }
}
