import { expressionLeaves, replaceExpressionLeaves, type Mapping } from '../definition/mapping-values';
import { toBoundedJson } from './bounded-json';
import { compileOrThrow, type CompiledExpression } from './compile';
import type { ExpressionContext } from './context';
import { toExpressionError } from './expression-error';
import { DEFAULT_LIMITS, EvaluationGuard, guardBindings, type ExpressionLimits } from './sandbox';

export interface EvaluationOptions {
  limits?: Partial<ExpressionLimits>;
  /**
   * What `$now()` and `$millis()` return, in epoch milliseconds. Inside workflow code pass the
   * workflow clock (Temporal's `Date.now()` there is replay-safe); without it they throw.
   */
  now?: number;
}

/**
 * Evaluates an expression against the context and nothing else: the four roots of the context are
 * its whole input. It is cut off (ExpressionError of kind `limit`) after too many steps, too deep a
 * nesting or too large a result, and the result is returned as plain JSON.
 */
export async function evaluateExpression(
  expression: string | CompiledExpression,
  context: ExpressionContext,
  options: EvaluationOptions = {},
): Promise<unknown> {
  const compiled = compileOrThrow(expression);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const input = { event: context.event, steps: context.steps ?? {}, vars: context.vars ?? {}, run: context.run };
  let result: unknown;
  try {
    result = await compiled.program.evaluate(input, guardBindings(new EvaluationGuard(limits, options.now)));
  } catch (thrown) {
    throw toExpressionError(thrown, 'evaluation');
  }
  return toBoundedJson(result, limits.maxResultChars);
}

/**
 * Resolves every `{"$expr": …}` leaf of a mapping, one after another in document order, and keeps
 * the other leaves as they are. Keys whose expression yields nothing are left out.
 */
export async function evaluateMapping(mapping: Mapping, context: ExpressionContext, options: EvaluationOptions = {}): Promise<unknown> {
  const values = new Map<string, unknown>();
  for (const leaf of expressionLeaves(mapping)) {
    values.set(JSON.stringify(leaf.path), await evaluateExpression(leaf.source, context, options));
  }
  const resolved = replaceExpressionLeaves(mapping, (_leaf, path) => values.get(JSON.stringify(path)));
  return toBoundedJson(resolved, options.limits?.maxResultChars ?? DEFAULT_LIMITS.maxResultChars);
}

/** JSONata's truth, which conditions and filters use: empty, zero, false and missing are false. */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(isTruthy);
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return Boolean(value);
}
