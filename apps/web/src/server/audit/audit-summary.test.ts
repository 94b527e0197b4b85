import { describe, expect, it } from 'vitest';
import { summariseForAudit } from './audit-summary';

describe('what an audit entry keeps of a request', () => {
  it('replaces credential-named fields at any depth, never their names', () => {
    expect(summariseForAudit({ name: 'crm', value: 'tok_live_1', auth: { password: 'p4ss', apiKey: 'csk_x', clientSecret: 's' }, token: null })).toEqual({
      name: 'crm',
      value: '[redacted]',
      auth: { password: '[redacted]', apiKey: '[redacted]', clientSecret: '[redacted]' },
      token: null,
    });
  });

  it('bounds a huge request: long strings, long lists, many fields and deep nesting are cut and say so', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`) as unknown;
    const huge = { text: 'x'.repeat(1_000_000), list: Array.from({ length: 100_000 }, (_, index) => index), deep, ...Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [`f${index}`, index])) };
    const started = performance.now();
    const summary = summariseForAudit(huge) as Record<string, unknown>;
    console.log(`summarising a 1 MB string, a 100,000-item list, 5,000-deep nesting and 1,000 fields: ${Math.round(performance.now() - started)} ms, ${JSON.stringify(summary).length} characters kept`);
    expect(JSON.stringify(summary).length).toBeLessThan(4_000);
    expect(summary.text).toMatch(/… \(1000000 characters\)$/);
    expect((summary.list as unknown[]).at(-1)).toBe('… 99980 more');
    expect(summary.deep).toEqual({ a: { a: { a: '{…}' } } });
    expect(summary['…']).toBe('973 more fields');
  });

  it('keeps a __proto__ or constructor field as a field, never as a prototype', () => {
    const summary = summariseForAudit(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(summary)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(summary)).toBe('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}');
  });
});
