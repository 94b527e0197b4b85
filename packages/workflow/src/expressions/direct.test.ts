import fc from 'fast-check';
import { propertyRuns, propertyTimeout } from '@cascade/catalog/property-testing';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { directEvaluator, NOT_DIRECT, type DirectNode } from './direct';
import { parseDirect } from './direct-parse';

const FIELDS = ['a', 'b', 'name', 'amount'] as const;

/** JSON values as events carry them, with arrays and objects where the direct path must step aside. */
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, '', 'x', 'Invoice', 0, 1, -2, 0.1 + 0.2, 1e21, 12.5),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...FIELDS), tie('value'), { maxKeys: 4 }),
  ),
})).value;

const input = fc.record({
  event: fc.record({ data: fc.dictionary(fc.constantFrom(...FIELDS), json, { maxKeys: 4 }) }),
  vars: fc.dictionary(fc.constantFrom(...FIELDS), json, { maxKeys: 4 }),
  run: fc.record({ tenantId: fc.constantFrom('t-1', '') }),
});

const literal = fc.oneof(
  fc.constantFrom("'Invoice '", '""', "'x'", 'true', 'false', 'null'),
  fc.constantFrom(0, 1, 2.5, 1000, 0.1).map(String),
);
const path = fc.oneof(
  fc.constantFrom('run.tenantId', 'event', 'vars'),
  fc.array(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 3 }).map((names) => ['event.data', ...names].join('.')),
  fc.array(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 2 }).map((names) => ['vars', ...names].join('.')),
);
const OPERATORS = ['&', '=', '!=', '<', '<=', '>', '>=', 'and', 'or'] as const;
/** Generated expressions for the direct evaluator's property: a quick default, many more in the long mode. */
const RUNS = propertyRuns(2000);
const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small' },
    literal,
    path,
    fc.tuple(tie('expr'), fc.constantFrom(...OPERATORS), tie('expr')).map(([lhs, op, rhs]) => `(${lhs} ${op} ${rhs})`),
  ),
})).expr;

/** JSONata's syntax tree of `source`, without the positions. */
const jsonataTree = (source: string): DirectNode => JSON.parse(JSON.stringify(jsonata(source).ast(), (key, value: unknown) => (key === 'position' ? undefined : value)));
const direct = (source: string) => directEvaluator(jsonata(source).ast() as DirectNode);

/** JSONata's own answer: a value, or the code of the error it reports. */
async function byJsonata(source: string, data: unknown): Promise<{ value: unknown } | { error: string }> {
  try {
    return { value: await jsonata(source).evaluate(data) };
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error) };
  }
}

describe('directEvaluator', () => {
  it('gives what JSONata gives, or steps aside, for generated expressions and inputs', async () => {
    const directByOperator = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(expression, input, async (source, data) => {
        const ast = jsonata(source).ast();
        const evaluate = directEvaluator(ast as DirectNode);
        const result = evaluate ? evaluate(data) : NOT_DIRECT;
        if (result === NOT_DIRECT) return;
        const operator = ast.type === 'block' ? String(ast.expressions![0]!.value) : ast.type;
        directByOperator.set(operator, (directByOperator.get(operator) ?? 0) + 1);
        expect(await byJsonata(source, data)).toEqual({ value: result });
      }),
      // Few enough runs for a loaded machine; the long mode (CASCADE_PROPERTY_SCALE) runs many more.
      { numRuns: RUNS },
    );
    // Every operator must have been evaluated directly, or the property says nothing about it (at 10,000 runs each passed 20).
    for (const operator of OPERATORS) expect(directByOperator.get(operator) ?? 0, operator).toBeGreaterThan(RUNS / 1000);
  }, propertyTimeout(4_000));

  it('covers the expressions workflows use most', () => {
    const data = { event: { data: { invoiceId: 'INV-7', amount: 1200 } }, run: { tenantId: 't-1' }, vars: { approved: true } };
    const cases: Array<[string, unknown]> = [
      ["'Invoice ' & event.data.invoiceId & ' is overdue'", 'Invoice INV-7 is overdue'],
      ['run.tenantId', 't-1'],
      ['event.data.amount > 1000 and vars.approved', true],
      ['event.data.missing = "x"', false],
      ['event.data.missing & "!"', '!'],
      ['event.data', { invoiceId: 'INV-7', amount: 1200 }],
    ];
    for (const [source, expected] of cases) expect(direct(source)?.(data), source).toEqual(expected);
  });

  it('leaves functions, predicates, arrays and type errors to JSONata', () => {
    for (const source of ['$uppercase(event.data.name)', 'event.data.lines[0]', 'event.data.lines[]', '-event.data.amount', 'event.data.a + 1']) {
      expect(direct(source), source).toBeUndefined();
    }
    const data = { event: { data: { lines: [{ sku: 'A' }], amount: 5, flag: true } } };
    for (const source of ['event.data.lines', 'event.data.lines.sku', 'event.data.amount < "5"', 'event.data.flag > 1', 'event.data.lines = 1']) {
      expect(direct(source)!(data), source).toBe(NOT_DIRECT);
    }
  });
});

describe('parseDirect', () => {
  it('gives the tree JSONata gives, for every generated expression', () => {
    fc.assert(fc.property(expression, (source) => void expect(parseDirect(source), source).toEqual(jsonataTree(source))), { numRuns: propertyRuns(1000) });
  }, propertyTimeout(1_000));

  it('accepts nothing JSONata would read differently, for strings of the tokens it knows and others', () => {
    const pieces = ['a', 'b', 'event', '.', ' ', '(', ')', "'x'", '"y"', '1', '2.5', '1e3', '&', '=', '!', '<', '>', 'and', 'or', 'in', 'true', 'null', '-', '$', '[', ']', '\\', '/*', '`', 'é', '\n', '\t', '\u00a0'];
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 9 }).map((parts) => parts.join('')), (source) => {
        const tree = parseDirect(source);
        if (!tree) return;
        accepted++;
        expect(tree, source).toEqual(jsonataTree(source));
      }),
      { numRuns: propertyRuns(5000) },
    );
    expect(accepted).toBeGreaterThan(propertyRuns(5000) / 40);
  }, propertyTimeout(1_000));

  it('leaves to JSONata what it does not cover', () => {
    for (const source of ['$uppercase(a)', 'a[0]', '-1', '1e311', 'a + 1', "'it\\'s'", 'a.`b c`', 'é', 'a /* note */', 'a in b', '']) expect(parseDirect(source), source).toBeUndefined();
  });
});
