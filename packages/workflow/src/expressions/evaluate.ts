import { expressionLeaves, replaceExpressionLeaves, type Mapping } from '../definition/mapping-values';
import { toBoundedJson } from './bounded-json';
import type { CompiledExpression } from './compile';
import type { ExpressionContext } from './context';
import { directEvaluator, NOT_DIRECT, type DirectEvaluator } from './direct';
import { parseDirect } from './direct-parse';
import { toExpressionError } from './expression-error';
import { DEFAULT_LIMITS, EvaluationGuard, guardBindings, type ExpressionLimits } from './sandbox';

export interface EvaluationOptions {
  limits?: Partial<ExpressionLimits>;
  /**
   * What `$now()` and `$millis()` return, in epoch milliseconds. Inside workflow code pass the
   * workflow clock (Temporal's `Date.now()` there is replay-safe); without it they throw.
   */
  now?: number;
  /**
   * How long the evaluation may run, in milliseconds, checked at every step. Not for workflow code:
   * it reads the system clock, so a replay could stop elsewhere; there the step limit bounds it.
   * For code outside workflows that shares an event loop, such as the dispatcher's trigger filters.
   */
  timeoutMs?: number;
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
  const input = inputOf(context);
  const direct = directValue(expression, input, options);
  return direct === NOT_DIRECT ? evaluateWithJsonata(expression, input, options) : direct;
}

/**
 * `evaluateExpression` without a promise, for an expression simple enough (see direct.ts) for
 * this input: `{value}`, or undefined when it needs JSONata. Inside workflow code every promise
 * costs a captured stack trace, so the interpreter asks this first.
 */
export function evaluateExpressionDirectly(expression: string, context: ExpressionContext, options: EvaluationOptions = {}): { value: unknown } | undefined {
  const value = directValue(expression, inputOf(context), options);
  return value === NOT_DIRECT ? undefined : { value };
}

/**
 * Resolves every `{"$expr": …}` leaf of a mapping, one after another in document order, and keeps
 * the other leaves as they are. Keys whose expression yields nothing are left out.
 */
export async function evaluateMapping(mapping: Mapping, context: ExpressionContext, options: EvaluationOptions = {}): Promise<unknown> {
  const input = inputOf(context);
  const values = new Map<string, unknown>();
  for (const leaf of expressionLeaves(mapping)) {
    const direct = directValue(leaf.source, input, options);
    values.set(JSON.stringify(leaf.path), direct === NOT_DIRECT ? await evaluateWithJsonata(leaf.source, input, options) : direct);
  }
  return resolveMapping(mapping, values, options);
}

/** `evaluateMapping` without a promise when every expression of the mapping allows it (see `evaluateExpressionDirectly`). */
export function evaluateMappingDirectly(mapping: Mapping, context: ExpressionContext, options: EvaluationOptions = {}): { value: unknown } | undefined {
  const input = inputOf(context);
  const values = new Map<string, unknown>();
  for (const leaf of expressionLeaves(mapping)) {
    const direct = directValue(leaf.source, input, options);
    if (direct === NOT_DIRECT) return undefined;
    values.set(JSON.stringify(leaf.path), direct);
  }
  return { value: resolveMapping(mapping, values, options) };
}

/** The mapping with each expression leaf replaced by its value (`values`, by JSON path). */
function resolveMapping(mapping: Mapping, values: Map<string, unknown>, options: EvaluationOptions): unknown {
  const resolved = replaceExpressionLeaves(mapping, (_leaf, path) => values.get(JSON.stringify(path)));
  return toBoundedJson(resolved, options.limits?.maxResultChars ?? DEFAULT_LIMITS.maxResultChars);
}

const inputOf = (context: ExpressionContext) => ({ event: context.event, steps: context.steps ?? {}, vars: context.vars ?? {}, run: context.run });

/**
 * Direct evaluators by source (null: the expression needs JSONata). Parsed without JSONata, so a
 * workflow run whose expressions are all simple never loads it. Bounded, oldest out.
 */
const directBySource = new Map<string, DirectEvaluator | null>();
const MAX_CACHED_EXPRESSIONS = 500;

function directOf(expression: string | CompiledExpression): DirectEvaluator | undefined {
  if (typeof expression !== 'string') return expression.direct;
  let direct = directBySource.get(expression);
  if (direct === undefined) {
    const tree = parseDirect(expression);
    direct = (tree && directEvaluator(tree)) ?? null;
    if (directBySource.size >= MAX_CACHED_EXPRESSIONS) directBySource.delete(directBySource.keys().next().value!);
    directBySource.set(expression, direct);
  }
  return direct ?? undefined;
}

/** The expression's value without JSONata's (asynchronous) evaluator, where that gives the same result. */
function directValue(expression: string | CompiledExpression, input: Record<string, unknown>, options: EvaluationOptions): unknown {
  const result = directOf(expression)?.(input) ?? NOT_DIRECT;
  return result === NOT_DIRECT ? NOT_DIRECT : toBoundedJson(result, options.limits?.maxResultChars ?? DEFAULT_LIMITS.maxResultChars);
}

async function evaluateWithJsonata(expression: string | CompiledExpression, input: Record<string, unknown>, options: EvaluationOptions): Promise<unknown> {
  // Loaded on first need; "eager" keeps it in the one file Temporal's workflow bundle is.
  const { compileOrThrow } = await import(/* webpackMode: "eager" */ './compile');
  const compiled = compileOrThrow(expression);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  let result: unknown;
  try {
    const timeout = options.timeoutMs === undefined ? undefined : { ms: options.timeoutMs, startedAt: Date.now() };
    result = await compiled.program.evaluate(input, guardBindings(new EvaluationGuard(limits, options.now, timeout)));
  } catch (thrown) {
    throw toExpressionError(thrown, 'evaluation');
  }
  return toBoundedJson(result, limits.maxResultChars);
}

/** JSONata's truth, which conditions and filters use: empty, zero, false and missing are false. */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(isTruthy);
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return Boolean(value);
}
