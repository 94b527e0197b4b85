import { compileExpression } from '../expressions/compile';
import { readPaths } from '../expressions/references';
import { nodeExpressions } from './node-expressions';
import { parseLeniently } from './parse-leniently';
import { entryOf, flowsOf } from './structure';

/** One expression reading one payload field of an event type. */
export interface EventFieldRead {
  nodeId: string;
  /** Where the expression sits in the node: `filter`, `input.amount`, `correlation.event`. */
  field: string;
  /** The payload field, as the catalog lists it: `amount`, `customer.id`. */
  path: string;
}

/**
 * The payload fields of `eventType` a definition's expressions read: those of its trigger's event
 * (`event.data.x` anywhere in the run), and those a filter or correlation reads of the one event it
 * looks at, and what later steps read of a wait's received event (`steps.w.output.data.x`). Read leniently, as the validator reads a draft; an expression
 * that does not compile reads nothing.
 */
export function eventFieldReads(definition: unknown, eventType: string): EventFieldRead[] {
  const { root } = parseLeniently(definition);
  const trigger = entryOf(root)?.node;
  const triggerEvent = trigger?.type === 'trigger' ? trigger.event : undefined;
  const nodes = flowsOf(root).flatMap((flow) => flow.nodes);
  const waits = new Set(nodes.filter((n) => n.node?.type === 'waitForEvent' && n.node.event === eventType).map((n) => n.id));
  /** The payload field a path reads of `eventType`, if it reads one; `event` is the one the expression sees. */
  const payloadField = (path: readonly string[], event: string | undefined): string[] => {
    if (path[0] === 'event' && path[1] === 'data' && event === eventType) return path.slice(2);
    if (path[0] === 'steps' && waits.has(path[1]!) && path[2] === 'output' && path[3] === 'data') return path.slice(4);
    return [];
  };
  const reads = new Map<string, EventFieldRead>();
  for (const parsed of nodes) {
    if (!parsed.node) continue;
    for (const expression of nodeExpressions(parsed.node)) {
      if (expression.form === 'literal') continue;
      const compiled = compileExpression(expression.source);
      if (!compiled.ok) continue;
      for (const path of readPaths(compiled.expression.ast)) {
        const field = payloadField(path, expression.filtersEvent ?? triggerEvent);
        if (field.length === 0) continue;
        const read = { nodeId: parsed.id, field: expression.field, path: field.join('.') };
        reads.set(JSON.stringify(read), read);
      }
    }
  }
  return [...reads.values()];
}
