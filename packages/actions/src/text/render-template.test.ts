import { describe, expect, it } from 'vitest';
import { ActionFailure } from '../define-action';
import { createTestContext } from '../testing/test-context';
import { renderTemplateHandler } from './render-template';

async function render(template: string, values: Record<string, unknown>, onMissing?: 'error' | 'empty') {
  const handler = renderTemplateHandler;
  return handler.output.parse(await handler.run(handler.input.parse({ template, values, onMissing }), createTestContext().context)).text;
}

describe('text.template', () => {
  it('fills each {{path}} with the value there, writing objects as JSON and null as nothing', async () => {
    const values = { invoice: { number: 'INV-7', total: 120.5, paid: false, lines: [{ sku: 'A' }] }, note: null };
    expect(await render('Invoice {{ invoice.number }} ({{invoice.total}} EUR, paid: {{invoice.paid}}) first: {{invoice.lines[0].sku}}{{note}}', values)).toBe(
      'Invoice INV-7 (120.5 EUR, paid: false) first: A',
    );
    expect(await render('Lines: {{invoice.lines}}', values)).toBe('Lines: [{"sku":"A"}]');
    expect(await render('No placeholders', {})).toBe('No placeholders');
  });

  it('fails naming the placeholder and where it is when a value is missing, unless told to leave it empty', async () => {
    const error = await render('Dear {{customer.name}},', { customer: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionFailure);
    expect((error as ActionFailure).message).toBe('{{customer.name}} at character 6 has no value: values has nothing at customer.name');
    expect((error as ActionFailure).retryable).toBe(false);
    expect(await render('Dear {{customer.name}},', { customer: {} }, 'empty')).toBe('Dear ,');
  });

  it('reports a malformed placeholder', async () => {
    await expect(render('Total: {{ a..b }}', {})).rejects.toThrow('{{ a..b }} at character 8: "a..b" is not a path like customer.email or lines[0].sku');
  });
});
