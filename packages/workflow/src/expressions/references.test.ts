import { describe, expect, it } from 'vitest';
import { referencedPaths } from './references';

describe('referencedPaths', () => {
  it.each([
    ['event.data.invoiceId', ['event.data.invoiceId']],
    ['steps.n1.output.x + vars.count', ['steps.n1.output.x', 'vars.count']],
    ['$$.run.tenantId & $.run.id', ['run.tenantId', 'run.id']],
    ['$sum(event.data.lines[amount > 5].amount)', ['event.data.lines.amount']],
    ['event.data.lines[0].sku', ['event.data.lines.sku']],
    ['event.data.lines^(>amount).sku', ['event.data.lines.amount', 'event.data.lines.sku']],
    ['event.data.lines{sku: amount}', ['event.data.lines', 'event.data.lines.sku', 'event.data.lines.amount']],
    ['{"id": event.data.invoiceId, "n": $count(steps.fetch.output.items)}', ['event.data.invoiceId', 'steps.fetch.output.items']],
    ['vars.ok ? event.data.a : event.data.b', ['vars.ok', 'event.data.a', 'event.data.b']],
    ['($f := function($x){ $x * vars.rate }; $f(event.data.total))', ['vars.rate', 'event.data.total']],
    ['(event.data).invoiceId', ['event.data', 'event.data.invoiceId']],
    ['event.data.*', ['event.data']],
    ['$map(event.data.lines, function($l){ $l.sku })', ['event.data.lines']],
    ['invoiceId', ['invoiceId']],
    ['"literal" & 1', []],
  ])('%s reads %j', (source, expected) => {
    expect(referencedPaths(source)).toEqual(expected);
  });

  it('follows a block evaluated against each item (and so catches a root path written inside it)', () => {
    expect(referencedPaths('event.data.lines.(amount * vars.rate)')).toEqual([
      'event.data.lines.amount',
      'event.data.lines.vars.rate',
      'event.data.lines',
    ]);
  });

  it('throws on an expression that does not parse', () => {
    expect(() => referencedPaths('event.(')).toThrow(/Syntax error/);
  });
});
