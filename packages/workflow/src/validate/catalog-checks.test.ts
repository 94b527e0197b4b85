import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { checkValue } from './catalog';
import { literalMappingIssues } from './catalog-checks';

const schema = z
  .object({
    title: z.string().min(1),
    window: z.object({ from: z.number(), to: z.number() }).refine((w) => w.from < w.to, 'from must come before to'),
    tags: z.array(z.string()).optional(),
  });
const check = (value: unknown) => checkValue(schema, value);
const paths = (issues: { path: ReadonlyArray<PropertyKey> }[]) => issues.map((issue) => issue.path.join('.'));

describe('literalMappingIssues', () => {
  it('checks literals and required keys', () => {
    expect(paths(literalMappingIssues({ title: '', window: { from: 1, to: 2 }, tags: ['a', 3] }, check))).toEqual(['title', 'tags.1']);
    expect(paths(literalMappingIssues({ title: 'x' }, check))).toEqual(['window']);
  });

  it('takes an expression leaf as satisfying its key, whatever its type will be', () => {
    expect(literalMappingIssues({ title: { $expr: 'event.data.title' }, window: { $expr: 'vars.window' } }, check)).toEqual([]);
  });

  it('ignores object-level rules over values an expression provides', () => {
    expect(literalMappingIssues({ title: 'x', window: { from: { $expr: 'vars.from' }, to: 1 } }, check)).toEqual([]);
    expect(paths(literalMappingIssues({ title: 'x', window: { from: 5, to: 1 } }, check))).toEqual(['window']);
  });

  it('gives up on schemas that cannot run on a partial value', () => {
    const throwing = () => {
      throw new Error('transform needs every field');
    };
    expect(literalMappingIssues({ a: 1 }, throwing)).toEqual([]);
  });
});
