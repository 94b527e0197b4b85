import jsonata from 'jsonata';
import { directEvaluator, type DirectEvaluator, type DirectNode } from './direct';
import { ExpressionError, toExpressionError } from './expression-error';
import { LinearRegExp, linearRegexProblem } from './linear-regex';
import { MAX_SEQUENCE_LENGTH } from './sandbox';
import { installSandbox } from './sandbox-hooks';

/** A parsed, sandboxed expression; evaluate it as often as needed. */
export interface CompiledExpression {
  readonly source: string;
  /** JSONata's abstract syntax tree, for static analysis such as `referencedPaths`. */
  readonly ast: jsonata.ExprNode;
  /** @internal the sandboxed JSONata program; use `evaluateExpression`. */
  readonly program: jsonata.Expression;
  /** @internal a synchronous evaluator when the expression is simple enough (see `directEvaluator`). */
  readonly direct?: DirectEvaluator;
}

export type CompileResult = { ok: true; expression: CompiledExpression } | { ok: false; error: ExpressionError };

/** Parses an expression; a syntax error comes back with its position rather than thrown. */
export function compileExpression(source: string): CompileResult {
  let program: jsonata.Expression;
  try {
    // JSONata's typings want the RegExp constructor; it only calls `new`, `exec` and `lastIndex`.
    program = jsonata(source, { sequence: MAX_SEQUENCE_LENGTH, RegexEngine: LinearRegExp as unknown as RegExpConstructor });
  } catch (thrown) {
    return { ok: false, error: toExpressionError(thrown, 'syntax') };
  }
  const ast = program.ast();
  const unsupportedRegex = findUnsupportedRegex(ast);
  if (unsupportedRegex) {
    const { pattern, problem, position } = unsupportedRegex;
    const message = `The regular expression /${pattern}/ cannot run on the linear-time engine expressions use (no lookaround, no backreferences): ${problem}`;
    return { ok: false, error: new ExpressionError('forbidden', message, position) };
  }
  installSandbox(program);
  const direct = directEvaluator(ast as DirectNode);
  return { ok: true, expression: { source, ast, program, ...(direct ? { direct } : {}) } };
}

/**
 * Expressions compiled before, by source: a run evaluates the same few again and again, and a
 * compiled program is reentrant (each evaluation brings its own bindings). Bounded, oldest out.
 */
const compiledBySource = new Map<string, CompiledExpression>();
const MAX_CACHED_EXPRESSIONS = 500;

/** Like `compileExpression`, for callers that treat a bad expression as an exception. */
export function compileOrThrow(expression: string | CompiledExpression): CompiledExpression {
  if (typeof expression !== 'string') return expression;
  const cached = compiledBySource.get(expression);
  if (cached) return cached;
  const compiled = compileExpression(expression);
  if (!compiled.ok) throw compiled.error;
  if (compiledBySource.size >= MAX_CACHED_EXPRESSIONS) compiledBySource.delete(compiledBySource.keys().next().value!);
  compiledBySource.set(expression, compiled.expression);
  return compiled.expression;
}

type UnsupportedRegex = { pattern: string; problem: string; position?: number };

function findUnsupportedRegex(node: unknown, seen = new WeakSet<object>()): UnsupportedRegex | undefined {
  // JSONata's AST can share nodes (parent-operator slots), so remember what was visited.
  if (typeof node !== 'object' || node === null || seen.has(node)) return undefined;
  seen.add(node);
  const { type, value, position } = node as jsonata.ExprNode;
  if ((type as string) === 'regex' && value instanceof RegExp) {
    const problem = linearRegexProblem(value);
    return problem === undefined ? undefined : { pattern: value.source, problem, ...(position === undefined ? {} : { position }) };
  }
  for (const child of Object.values(node)) {
    const found = findUnsupportedRegex(child, seen);
    if (found) return found;
  }
  return undefined;
}
