/**
 * - `syntax`: the expression does not parse;
 * - `forbidden`: it uses something sandboxed workflow code may not (randomness, `$eval`, a regex
 *   with lookaround or backreferences, which the linear-time regex engine cannot run);
 * - `limit`: it was cut off for taking too many steps, nesting too deep or growing too large;
 * - `evaluation`: JSONata refused it at run time (a type error, `$error()`, …).
 */
export type ExpressionErrorKind = 'syntax' | 'forbidden' | 'limit' | 'evaluation';

export class ExpressionError extends Error {
  constructor(
    readonly kind: ExpressionErrorKind,
    message: string,
    /** Character offset in the expression where JSONata noticed the problem, when it knows. */
    readonly position?: number,
    /** The token at that position. */
    readonly token?: string,
  ) {
    super(position === undefined ? message : `${message} (at position ${position})`);
    this.name = 'ExpressionError';
  }
}

/** An expression cut off by one of the sandbox's limits. */
export function stoppedError(why: string): ExpressionError {
  return new ExpressionError('limit', `The expression was stopped: ${why}`);
}

/** What JSONata throws: a plain object with a code, not an Error. */
interface JsonataFailure {
  code?: string;
  message?: string;
  position?: number;
  token?: string;
}

/** JSONata's own guards: the range operator's size cap and the sequence length option. */
const JSONATA_LIMIT_CODES = new Set(['D1011', 'D1012', 'D2014', 'D2015']);

/** Turns whatever JSONata (or the engine under it) threw into an ExpressionError. */
export function toExpressionError(thrown: unknown, kindIfUnknown: ExpressionErrorKind): ExpressionError {
  if (thrown instanceof ExpressionError) return thrown;
  // The engine's own limits: too deep a stack, a string or array too long to allocate.
  if (thrown instanceof RangeError) return stoppedError(thrown.message);
  const { code, message, position, token } = (thrown ?? {}) as JsonataFailure;
  const kind = code && JSONATA_LIMIT_CODES.has(code) ? 'limit' : kindIfUnknown;
  const text = message ?? String(thrown);
  const prefix = { limit: 'The expression was stopped: ', syntax: 'Syntax error: ', forbidden: '', evaluation: '' }[kind];
  return new ExpressionError(kind, `${prefix}${text}`, position, token);
}
