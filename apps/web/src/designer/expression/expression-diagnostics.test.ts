import { describe, expect, it } from 'vitest';
import { expressionDiagnostics } from './expression-diagnostics';

describe('expression diagnostics', () => {
  it('mark nothing in an expression that parses, or in an empty field', () => {
    expect(expressionDiagnostics('event.data.amount > 1000')).toEqual([]);
    expect(expressionDiagnostics('  ')).toEqual([]);
  });

  it('mark a syntax error at the token JSONata stumbled on', () => {
    const source = 'event.data.amount > ) 3';
    const [diagnostic] = expressionDiagnostics(source);
    expect(source.slice(diagnostic!.from, diagnostic!.to)).toBe(')');
    expect(diagnostic!.message).not.toMatch(/at position/);
  });

  it('mark an unclosed bracket at the end of the text', () => {
    const source = '$count(event.data.lines';
    const [diagnostic] = expressionDiagnostics(source);
    expect(diagnostic).toMatchObject({ to: source.length, severity: 'error' });
    expect(diagnostic!.message).toMatch(/Expected "\)"/);
  });

  it('name JSONata’s way for another language’s habit, as the validator does', () => {
    const [diagnostic] = expressionDiagnostics('event.data.status == "PAID"');
    expect(diagnostic!.message).toBe('JSONata compares with =, not ==: write event.data.status = "PAID"');
  });

  it('refuse what the sandbox forbids, such as a regex the linear-time engine cannot run', () => {
    const [diagnostic] = expressionDiagnostics('$match(event.data.sku, /(a)\\1/)');
    expect(diagnostic!.message).toMatch(/linear-time engine/);
  });

  it('refuse an expression past the size limit as a whole, without parsing it', () => {
    const source = 'a + '.repeat(5_000) + 'a';
    const [diagnostic] = expressionDiagnostics(source);
    expect(diagnostic).toMatchObject({ from: 0, to: source.length });
    expect(diagnostic!.message).toMatch(/at most 10000/);
  });
});
