import { describe, expect, it } from 'vitest';
import type { CatalogField } from './catalog';
import { firstUnknownPrefix, topLevelFieldNames } from './field-paths';

const fields: CatalogField[] = [
  { path: 'invoiceId', type: 'string', optional: false },
  { path: 'customer', type: 'object', optional: false },
  { path: 'customer.id', type: 'string', optional: false },
  { path: 'lines', type: 'array', optional: false },
  { path: 'lines[].sku', type: 'string', optional: false },
  { path: 'changes', type: 'object', optional: true },
  { path: 'changes.*.previous', type: 'unknown', optional: true },
  { path: 'metadata', type: 'object', optional: true },
  { path: 'previous', type: 'unknown', optional: true },
];

describe('firstUnknownPrefix', () => {
  it.each([
    [['invoiceId']],
    [['customer']],
    [['customer', 'id']],
    [['lines', 'sku']],
    [['changes', 'status', 'previous']],
    [['changes', 'status', 'previous', 'anything', 'below']],
    [['metadata', 'free', 'form']],
    [['previous', 'whatever']],
  ])('knows %j', (path) => {
    expect(firstUnknownPrefix(fields, path)).toBeUndefined();
  });

  it.each([
    [['invoice'], ['invoice']],
    [['customer', 'nmae'], ['customer', 'nmae']],
    [['invoiceId', 'length'], ['invoiceId', 'length']],
    [['lines', 'price', 'net'], ['lines', 'price']],
    [['changes', 'status', 'next'], ['changes', 'status', 'next']],
  ])('names the first unknown part of %j', (path, unknown) => {
    expect(firstUnknownPrefix(fields, path)).toEqual(unknown);
  });

  it('lists the top-level names for messages', () => {
    expect(topLevelFieldNames(fields)).toEqual(['invoiceId', 'customer', 'lines', 'changes', 'metadata', 'previous']);
  });
});
