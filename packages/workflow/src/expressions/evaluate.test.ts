import { describe, expect, it } from 'vitest';
import { compileExpression } from './compile';
import type { ExpressionContext } from './context';
import { evaluateExpression, evaluateMapping, isTruthy } from './evaluate';
import { ExpressionError } from './expression-error';

const context: ExpressionContext = {
  event: { type: 'INVOICE_OVERDUE', data: { invoiceId: 'inv-1', lines: [{ sku: 'a', amount: 5 }, { sku: 'b', amount: 7 }] } },
  steps: { lookup: { output: { customerId: 'c-9', score: 4 } } },
  vars: { attempts: 2 },
  run: { id: 'run-1', workflowId: 'wf-1', workflowVersion: 3, tenantId: 'tenant-1', startedAt: '2026-03-01T09:00:00.000Z' },
};

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected the expression to fail'),
    (error: unknown) => {
      expect(error).toBeInstanceOf(ExpressionError);
      return error as ExpressionError;
    },
  );

describe('evaluateExpression', () => {
  it('reads the event, finished steps, variables and the run', async () => {
    expect(await evaluateExpression('event.data.invoiceId', context)).toBe('inv-1');
    expect(await evaluateExpression('$sum(event.data.lines.amount)', context)).toBe(12);
    expect(await evaluateExpression('steps.lookup.output.score * vars.attempts', context)).toBe(8);
    expect(await evaluateExpression('run.workflowVersion', context)).toBe(3);
    expect(await evaluateExpression('event.data.lines[amount > 5].sku', context)).toBe('b');
  });

  it('sees the four roots of the context and nothing else', async () => {
    const withExtra = { ...context, secret: 'hunter2' } as ExpressionContext;
    expect(await evaluateExpression('$keys($$)', withExtra)).toEqual(['event', 'steps', 'vars', 'run']);
    expect(await evaluateExpression('secret', withExtra)).toBeUndefined();
  });

  it('returns plain JSON: no sequence markers, no functions', async () => {
    const lines = await evaluateExpression('event.data.lines.sku', context);
    expect(lines).toEqual(['a', 'b']);
    expect(Object.keys(lines as object)).toEqual(['0', '1']);
    expect(await evaluateExpression('{"f": function($x){$x}, "n": 1}', context)).toEqual({ n: 1 });
  });

  it('evaluates a compiled expression again and again', async () => {
    const compiled = compileExpression('vars.attempts + 1');
    if (!compiled.ok) throw compiled.error;
    const results = await Promise.all([1, 2, 3].map((attempts) => evaluateExpression(compiled.expression, { vars: { attempts } })));
    expect(results).toEqual([2, 3, 4]);
  });

  it('reports a JSONata run-time error with its position', async () => {
    const error = await failure(evaluateExpression('event.data.invoiceId + 1', context));
    expect(error.kind).toBe('evaluation');
    expect(error.position).toBe(22);
    expect(error.message).toMatch(/must evaluate to a number/);
  });
});

describe('sandbox limits', () => {
  it('cuts off endless tail recursion by counting steps, quickly', async () => {
    const started = performance.now();
    const error = await failure(evaluateExpression('($f := function($n){ $f($n + 1) }; $f(0))', context));
    expect(error.kind).toBe('limit');
    expect(error.message).toMatch(/more than 100000 evaluation steps/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('cuts off deep recursion by its nesting depth', async () => {
    const error = await failure(evaluateExpression('($f := function($n){ $f($n + 1) + 1 }; $f(0))', context));
    expect(error.message).toMatch(/nested deeper than 500/);
  });

  it('refuses a huge range before allocating it', async () => {
    const started = performance.now();
    const error = await failure(evaluateExpression('$count([1..10000000])', context));
    expect(error.kind).toBe('limit');
    expect(error.message).toMatch(/maximum sequence length/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('stops a long loop over a large array at the step limit', async () => {
    const error = await failure(evaluateExpression('$sum([1..90000].($ * 2))', context, { limits: { maxSteps: 10_000 } }));
    expect(error.message).toMatch(/more than 10000 evaluation steps/);
  });

  it('refuses arrays built by functions beyond the sequence limit', async () => {
    const error = await failure(evaluateExpression('$count($split($pad("", 200000, "x"), ""))', context, { limits: { maxResultChars: 1_000_000 } }));
    expect(error.message).toMatch(/array longer than 100000 items/);
  });

  it('refuses results and intermediate strings larger than the size limit', async () => {
    const limits = { maxResultChars: 100 };
    expect((await failure(evaluateExpression('$pad("", 101, "x")', context, { limits }))).message).toMatch(/string longer than 100 characters/);
    const big = await failure(evaluateExpression('[1..40].{"n": $}', context, { limits }));
    expect(big.message).toMatch(/result is larger than 100 characters/);
    expect(await evaluateExpression('[1..10]', context, { limits })).toHaveLength(10);
  });

  it('stops an evaluation past its time bound, when the caller outside workflow code gives one', async () => {
    // Within the step limit, but each $pad of 250 000 characters is slow: this ran for 90 s.
    const slow = '$count([1..30000].$pad("x", 250000))';
    const started = performance.now();
    const error = await failure(evaluateExpression(slow, context, { timeoutMs: 200 }));
    const ms = performance.now() - started;
    console.log(`${slow} with timeoutMs 200: stopped after ${ms.toFixed(0)} ms`);
    expect(error).toMatchObject({ kind: 'limit', message: 'The expression was stopped: it ran longer than 200 ms' });
    expect(ms).toBeLessThan(2_000);
  });

  it('runs regular expressions on a linear-time engine and refuses lookaround at compile time (see linear-regex.test.ts)', async () => {
    expect(await evaluateExpression('$contains(event.data.invoiceId, /^(a+)+$/)', { event: { data: { invoiceId: `${'a'.repeat(40)}!` } } })).toBe(false);
    const compiled = compileExpression('$match(event.data.invoiceId, /^inv-(?!0)/)');
    expect(compiled.ok ? undefined : compiled.error.kind).toBe('forbidden');
    expect(compileExpression('$match(event.data.invoiceId, /^inv-(\\d+)$/)').ok).toBe(true);
  });
});

describe('determinism', () => {
  const now = Date.parse('2026-03-04T10:15:00.000Z');

  it('gives $now() and $millis() the instant the caller passes, the same on every evaluation', async () => {
    expect(await evaluateExpression('$now()', context, { now })).toBe('2026-03-04T10:15:00.000Z');
    expect(await evaluateExpression('$millis()', context, { now })).toBe(now);
    expect(await evaluateExpression('$now("[Y0001]-[M01]-[D01]")', context, { now })).toBe('2026-03-04');
  });

  it('refuses to read the system clock when no instant is given', async () => {
    const error = await failure(evaluateExpression('$now()', context));
    expect(error.kind).toBe('forbidden');
    expect(error.message).toMatch(/need the evaluation instant/);
    // Parsing a time without a date would fill the date in from the clock.
    expect((await failure(evaluateExpression('$toMillis("10:30", "[H01]:[m01]")', context))).kind).toBe('forbidden');
    expect(await evaluateExpression('$toMillis("10:30", "[H01]:[m01]")', context, { now })).toBe(Date.parse('2026-03-04T10:30:00.000Z'));
  });

  it('refuses randomness and $eval', async () => {
    for (const source of ['$random()', '$shuffle([1, 2, 3])', '$eval("1 + 1")']) {
      const error = await failure(evaluateExpression(source, context));
      expect(error.kind).toBe('forbidden');
      expect(error.message).toMatch(/is not available in workflow expressions/);
    }
  });

  it('does not let an expression replace its own guard', async () => {
    const error = await failure(evaluateExpression('($__cascadeGuard := {}; $f := function($n){ $f($n + 1) }; $f(0))', context));
    expect(error.kind).toBe('limit');
  });
});

describe('evaluateMapping', () => {
  it('resolves expression leaves at any depth and keeps literals', async () => {
    const mapping = {
      invoice: { $expr: 'event.data.invoiceId' },
      channel: 'email',
      retries: 3,
      lines: [{ sku: { $expr: 'event.data.lines[0].sku' }, fixed: true }, null],
      missing: { $expr: 'event.data.nothing' },
    };
    expect(await evaluateMapping(mapping, context)).toEqual({
      invoice: 'inv-1',
      channel: 'email',
      retries: 3,
      lines: [{ sku: 'a', fixed: true }, null],
    });
  });

  it('fails with the first failing leaf', async () => {
    await expect(evaluateMapping({ a: { $expr: '$random()' } }, context)).rejects.toThrow(/\$random\(\) is not available/);
  });
});

describe('isTruthy', () => {
  it('follows JSONata', () => {
    expect([0, '', [], {}, null, undefined, false, [0, ''], 'x', 1, [0, 1], { a: 1 }].map(isTruthy)).toEqual([
      false, false, false, false, false, false, false, false, true, true, true, true,
    ]);
  });
});
