import { describe, expect, it } from 'vitest';
import { expressionInLiteral } from './lookalike';

describe('expressionInLiteral', () => {
  it.each([
    ['event.data.invoiceId', 'event.data.invoiceId'],
    [' steps.fetch.output.id ', 'steps.fetch.output.id'],
    ['vars.attempts', 'vars.attempts'],
    ['{{ event.data.x }}', 'event.data.x'],
    ['{{event.data.amount * 2}}', 'event.data.amount * 2'],
    ['Invoice {{ event.data.id }} is overdue', '"Invoice " & event.data.id & " is overdue"'],
    ['{{ vars.first }} {{ vars.last & "!" }}', 'vars.first & " " & (vars.last & "!")'],
  ])('reads %j as the expression %j', (text, expression) => {
    expect(expressionInLiteral(text)).toBe(expression);
  });

  it.each([
    ['plain text', 'Payment received'],
    ['a role', 'admins'],
    ['an email', 'ops@example.com'],
    ['a context root alone', 'event'],
    ['a sentence that mentions a path', 'see event.data.x for details'],
    ['text.render_template’s own placeholders', 'Invoice {{ invoice.number }} is overdue'],
    ['an unclosed placeholder', 'Invoice {{ event.data.id'],
    ['a placeholder that does not parse', '{{ event.data.( }}'],
  ])('leaves %s as text', (_what, text) => {
    expect(expressionInLiteral(text)).toBeUndefined();
  });

  it('reads a megabyte of braces in linear time', () => {
    for (const text of ['{{'.repeat(500_000), '{{ event.x }}'.repeat(80_000), `event${'.a'.repeat(500_000)}!`]) {
      const started = performance.now();
      expressionInLiteral(text);
      const milliseconds = Math.round(performance.now() - started);
      console.log(`lookalike check of ${text.length} characters:`, { milliseconds });
      expect(milliseconds).toBeLessThan(1000);
    }
  });
});
