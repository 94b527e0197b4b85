import jsonata from 'jsonata';
import { ExpressionError, stoppedError as stopped } from './expression-error';

/** How far one evaluation may go. Counted, never timed, so every replay stops at the same point. */
export interface ExpressionLimits {
  /** JSONata evaluation steps (AST nodes entered, including each item of a mapped array). */
  maxSteps: number;
  /** Nesting of evaluation steps: what grows with recursion. */
  maxDepth: number;
  /** Size of the result serialised as JSON, and of any string built on the way, in characters. */
  maxResultChars: number;
}

export const DEFAULT_LIMITS: ExpressionLimits = { maxSteps: 100_000, maxDepth: 500, maxResultChars: 256 * 1024 };

/**
 * Longest array an expression may build. Passed to JSONata as its `sequence` option, so a range
 * like `[1..10000000]` is refused before it is allocated; arrays built by functions such as
 * `$split` are checked as each step finishes.
 */
export const MAX_SEQUENCE_LENGTH = 100_000;

/** The state of one evaluation, found by the hooks through JSONata's per-evaluation environment. */
export class EvaluationGuard {
  private steps = 0;

  constructor(
    readonly limits: ExpressionLimits,
    /** The instant `$now()` and `$millis()` return, in epoch milliseconds, when the caller gives one. */
    private readonly now: number | undefined,
  ) {}

  enterStep(depth: number): void {
    this.steps += 1;
    if (this.steps > this.limits.maxSteps) {
      throw stopped(`it took more than ${this.limits.maxSteps} evaluation steps (an endless loop or recursion?)`);
    }
    if (depth > this.limits.maxDepth) throw stopped(`it nested deeper than ${this.limits.maxDepth} (runaway recursion?)`);
  }

  exitStep(result: unknown): void {
    if (typeof result === 'string' && result.length > this.limits.maxResultChars) {
      throw stopped(`it built a string longer than ${this.limits.maxResultChars} characters`);
    }
    if (Array.isArray(result) && result.length > MAX_SEQUENCE_LENGTH) {
      throw stopped(`it built an array longer than ${MAX_SEQUENCE_LENGTH} items`);
    }
  }

  clock(): number {
    if (this.now === undefined) {
      throw new ExpressionError('forbidden', '$now() and $millis() need the evaluation instant, and none was given: workflow code may not read the system clock');
    }
    return this.now;
  }
}

/** JSONata's environment frames, as far as the sandbox uses them. */
interface Frame {
  /** The evaluation's root frame: JSONata keeps the nesting depth and the clock there. */
  base: Frame & { depth: number; timestamp: unknown };
  lookup(name: string): unknown;
}

const GUARD_BINDING = '__cascadeGuard';
const guardsByEvaluation = new WeakMap<object, EvaluationGuard>();

/** The bindings that hand an evaluation its guard. */
export function guardBindings(guard: EvaluationGuard): Record<string, unknown> {
  return { [GUARD_BINDING]: guard };
}

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
