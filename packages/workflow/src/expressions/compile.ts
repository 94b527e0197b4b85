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

/**
 * Longest expression source, and deepest nesting of its syntax tree. JSONata's parser and the
 * analyses over its tree (references, regexes) recurse, so a chain of thousands of terms would
 * overflow the stack of whoever validates it; no expression a person writes comes near either.
 */
export const MAX_EXPRESSION_LENGTH = 10_000;
export const MAX_EXPRESSION_DEPTH = 200;

/** Parses an expression; a syntax error comes back with its position rather than thrown. */
export function compileExpression(source: string): CompileResult {
  const tooLarge = sizeProblem(source);
  if (tooLarge) return { ok: false, error: new ExpressionError('limit', tooLarge) };
  let program: jsonata.Expression;
  try {
    // JSONata's typings want the RegExp constructor; it only calls `new`, `exec` and `lastIndex`.
    program = jsonata(source, { sequence: MAX_SEQUENCE_LENGTH, RegexEngine: LinearRegExp as unknown as RegExpConstructor });
  } catch (thrown) {
    return { ok: false, error: toExpressionError(thrown, 'syntax') };
  }
  const ast = program.ast();
  if (treeDepth(ast) > MAX_EXPRESSION_DEPTH) {
    return { ok: false, error: new ExpressionError('limit', `The expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels; split it, or compute parts in a setVariables node`) };
  }
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

function sizeProblem(source: string): string | undefined {
  if (source.length > MAX_EXPRESSION_LENGTH) return `The expression is ${source.length} characters long; expressions take at most ${MAX_EXPRESSION_LENGTH}`;
  // Brackets nest the parser's recursion: count them before parsing (a bracket inside a string only overcounts).
  let depth = 0;
  for (const char of source) {
    if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') depth--;
    if (depth > MAX_EXPRESSION_DEPTH) return `The expression nests brackets deeper than ${MAX_EXPRESSION_DEPTH} levels`;
  }
  return undefined;
}

/** Depth of JSONata's tree, walked without recursion (its nodes may be shared, so each is entered once). */
function treeDepth(root: unknown): number {
  const seen = new WeakSet<object>();
  const stack: Array<[unknown, number]> = [[root, 1]];
  let deepest = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_EXPRESSION_DEPTH) return deepest;
    for (const child of Object.values(node)) stack.push([child, Array.isArray(node) ? depth : depth + 1]);
  }
  return deepest;
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
