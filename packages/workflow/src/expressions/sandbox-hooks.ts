// The hooks that put a compiled JSONata program in the sandbox. Apart from sandbox.ts, which
// evaluation needs even when JSONata is never loaded (see evaluate.ts).
import jsonata from 'jsonata';
import { ExpressionError } from './expression-error';
import { EvaluationGuard, GUARD_BINDING } from './sandbox';

/** JSONata's environment frames, as far as the sandbox uses them. */
interface Frame {
  /** The evaluation's root frame: JSONata keeps the nesting depth and the clock there. */
  base: Frame & { depth: number; timestamp: unknown };
  lookup(name: string): unknown;
}

const guardsByEvaluation = new WeakMap<object, EvaluationGuard>();

/**
 * The guard of the evaluation `frame` belongs to. It is read from the bindings on the evaluation's
 * first step, before any of the expression has run, and remembered: the expression could rebind the
 * name later (`$__cascadeGuard := {}`), but not before that first read.
 */
function guardOf(frame: Frame): EvaluationGuard {
  const known = guardsByEvaluation.get(frame.base);
  if (known) return known;
  const guard = frame.base.lookup(GUARD_BINDING);
  if (!(guard instanceof EvaluationGuard)) throw new ExpressionError('forbidden', 'The expression was evaluated outside the sandbox');
  guardsByEvaluation.set(frame.base, guard);
  // Date parsing fills missing parts from JSONata's per-evaluation timestamp, the system clock;
  // pin it to the evaluation instant (or to a clock that refuses to be read).
  frame.base.timestamp = clocklessDate(guard);
  return guard;
}

function clocklessDate(guard: EvaluationGuard): Date {
  return new Proxy(new Date(0), {
    get: (_date, property) => {
      const date = new Date(guard.clock());
      const value = Reflect.get(date, property) as unknown;
      return typeof value === 'function' ? value.bind(date) : value;
    },
  });
}

function forbidden(name: string, why: string): never {
  throw new ExpressionError('forbidden', `$${name}() is not available in workflow expressions: ${why}`);
}

const formatInstant = jsonata('$fromMillis($millis, $picture, $timezone)');

/** Installs the step hooks and replaces JSONata's clock, randomness and `$eval` on a compiled expression. */
export function installSandbox(program: jsonata.Expression): void {
  // JSONata looks its evaluation hooks up under these symbols; its typings only admit string names.
  const hooks = program as unknown as { assign(name: symbol, value: unknown): void };
  hooks.assign(Symbol.for('jsonata.__evaluate_entry'), (_node: unknown, _input: unknown, frame: Frame) => {
    guardOf(frame).enterStep(frame.base.depth);
  });
  hooks.assign(Symbol.for('jsonata.__evaluate_exit'), (_node: unknown, _input: unknown, frame: Frame, result: unknown) => {
    guardOf(frame).exitStep(result);
  });
  program.registerFunction(
    'now',
    function (this: jsonata.Focus, picture?: string, timezone?: string) {
      const millis = guardOf(this.environment as unknown as Frame).clock();
      return formatInstant.evaluate({}, { millis, picture, timezone });
    },
    '<s?s?:s>',
  );
  program.registerFunction('millis', function (this: jsonata.Focus) {
    return guardOf(this.environment as unknown as Frame).clock();
  }, '<:n>');
  program.registerFunction('random', () => forbidden('random', 'a replayed workflow must compute the same values'), '<:n>');
  program.registerFunction('shuffle', () => forbidden('shuffle', 'a replayed workflow must compute the same values'), '<a:a>');
  program.registerFunction('eval', () => forbidden('eval', 'expressions must be readable before they run'), '<sx?:x>');
}
