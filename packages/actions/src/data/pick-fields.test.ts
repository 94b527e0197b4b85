import { describe, expect, it } from 'vitest';
import { pickFieldsHandler } from './pick-fields';
import { createTestContext } from '../testing/test-context';

const invoice = {
  id: 'inv_1',
  customer: { name: 'Acme', email: 'ap@acme.test', address: { city: 'Lyon' } },
  lines: [{ sku: 'A', qty: 1 }, { sku: 'B', qty: 2 }],
};

async function pick(object: Record<string, unknown>, paths: string[]) {
  const handler = pickFieldsHandler;
  return handler.output.parse(await handler.run(handler.input.parse({ object, paths }), createTestContext().context));
}

describe('data.pick', () => {
  it('keeps only the given paths, in the shape of the source', async () => {
    expect(await pick(invoice, ['id', 'customer.email', 'customer.address.city'])).toEqual({
      value: { id: 'inv_1', customer: { email: 'ap@acme.test', address: { city: 'Lyon' } } },
      missing: [],
    });
  });

  it('picks array elements by index, as arrays', async () => {
    const { value } = await pick(invoice, ['lines[1].sku', 'lines.0.qty']);
    expect(JSON.parse(JSON.stringify(value))).toEqual({ lines: [{ qty: 1 }, { sku: 'B' }] });
  });

  it('lists paths it could not find instead of inventing values, and never reads inherited properties', async () => {
    expect(await pick(invoice, ['customer.phone', 'lines[5].sku', 'constructor', 'id.length'])).toEqual({
      value: {},
      missing: ['customer.phone', 'lines[5].sku', 'constructor', 'id.length'],
    });
  });

  it('refuses malformed paths at the path that is wrong', () => {
    const result = pickFieldsHandler.input.safeParse({ object: {}, paths: ['ok', 'bad..path'] });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['paths.1']);
  });
});
