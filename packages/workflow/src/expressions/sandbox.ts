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
    /** When an evaluation outside workflow code gave a time bound: how long it may run, and since when. */
    private readonly timeout?: { ms: number; startedAt: number },
  ) {}

  enterStep(depth: number): void {
    this.steps += 1;
    // One step may be a slow function call ($pad of 250 000 characters takes milliseconds), so a
    // step count alone can let an evaluation hold the event loop for a minute.
    if (this.timeout && Date.now() - this.timeout.startedAt > this.timeout.ms) {
      throw stopped(`it ran longer than ${this.timeout.ms} ms`);
    }
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

export const GUARD_BINDING = '__cascadeGuard';

/** The bindings that hand an evaluation its guard. */
export function guardBindings(guard: EvaluationGuard): Record<string, unknown> {
  return { [GUARD_BINDING]: guard };
}
