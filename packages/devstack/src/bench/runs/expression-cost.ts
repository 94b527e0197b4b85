import { toEnvelope, type Event } from '@cascade/db';
import { compileExpression, evaluateExpression, evaluateMapping, expressionLeaves, type ExpressionContext, type Mapping, type WorkflowDefinition } from '@cascade/workflow';

export interface ExpressionCost {
  /** Mean milliseconds per run to evaluate the run's mappings as the interpreter does (compiling each expression every time). */
  asInterpreter: number;
  /** The same expressions compiled once and only evaluated. */
  precompiled: number;
  expressions: number;
}

/**
 * The expression work of one run, timed in this thread: every mapping of the definition's action
 * and emit nodes against the run's context. The interpreter does the same in the workflow thread.
 */
export async function expressionCostPerRun(definition: WorkflowDefinition, event: Event, iterations = 300): Promise<ExpressionCost> {
  const mappings = definition.nodes.flatMap((node): Mapping[] => (node.type === 'action' ? [node.input] : node.type === 'emit' ? [node.data] : []));
  const context: ExpressionContext = {
    event: toEnvelope(event),
    steps: { start: { output: { eventId: event.id } }, log: { output: { logged: true } } },
    vars: {},
    run: { id: event.id, workflowId: event.id, workflowVersion: 1, tenantId: event.tenantId, startedAt: new Date().toISOString() },
  };
  const compiled = mappings.flatMap((mapping) =>
    expressionLeaves(mapping).map((leaf) => {
      const result = compileExpression(leaf.source);
      if (!result.ok) throw result.error;
      return result.expression;
    }),
  );
  const time = async (once: () => Promise<unknown>) => {
    for (let warm = 0; warm < 20; warm++) await once();
    const started = performance.now();
    for (let index = 0; index < iterations; index++) await once();
    return (performance.now() - started) / iterations;
  };
  return {
    asInterpreter: await time(async () => {
      for (const mapping of mappings) await evaluateMapping(mapping, context, { now: Date.now() });
    }),
    precompiled: await time(async () => {
      for (const expression of compiled) await evaluateExpression(expression, context, { now: Date.now() });
    }),
    expressions: compiled.length,
  };
}
