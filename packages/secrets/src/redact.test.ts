import { describe, expect, it } from 'vitest';
import { createRedactor } from './redact';

describe('createRedactor', () => {
  const redact = createRedactor([
    { name: 'crm_token', value: 'tok_live_123456' },
    { name: 'db_password', value: 'hunter2!' },
  ]);

  it('replaces secrets inside nested JSON, also as substrings and in keys, without touching the input', () => {
    const input = {
      request: { headers: { authorization: 'Bearer tok_live_123456' }, url: 'https://crm.example/api?token=tok_live_123456&x=1' },
      lines: ['connect with hunter2!', 42, null, { deeper: ['tok_live_123456hunter2!'] }],
      'hunter2!': true,
    };
    const snapshot = structuredClone(input);
    expect(redact(input)).toEqual({
      request: { headers: { authorization: 'Bearer [redacted:crm_token]' }, url: 'https://crm.example/api?token=[redacted:crm_token]&x=1' },
      lines: ['connect with [redacted:db_password]', 42, null, { deeper: ['[redacted:crm_token][redacted:db_password]'] }],
      '[redacted:db_password]': true,
    });
    expect(input).toEqual(snapshot);
  });

  it('catches a value as it appears JSON-escaped or URL-encoded', () => {
    const tricky = createRedactor([{ name: 'quoted', value: 'pa"ss wo/rd' }]);
    expect(tricky(JSON.stringify({ password: 'pa"ss wo/rd' }))).toBe('{"password":"[redacted:quoted]"}');
    expect(tricky(`https://x.example/?p=${encodeURIComponent('pa"ss wo/rd')}`)).toBe('https://x.example/?p=[redacted:quoted]');
  });

  it('replaces the longer of two overlapping secrets whole', () => {
    const nested = createRedactor([{ name: 'short', value: 'abcd' }, { name: 'long', value: 'xxabcdxx' }]);
    expect(nested('1 xxabcdxx 2 abcd')).toBe('1 [redacted:long] 2 [redacted:short]');
  });

  it('redacts errors and keeps their class, message, stack and cause', () => {
    class RemoteFailure extends Error {
      code = 'E_REMOTE: hunter2!';
    }
    const error = new RemoteFailure('login failed for hunter2!', { cause: new Error('sent tok_live_123456') });
    const redacted = redact(error) as RemoteFailure & { cause: Error };
    expect(redacted).toBeInstanceOf(RemoteFailure);
    expect(redacted.message).toBe('login failed for [redacted:db_password]');
    expect(redacted.stack).toContain('login failed for [redacted:db_password]');
    expect(redacted.stack).not.toContain('hunter2!');
    expect(redacted.code).toBe('E_REMOTE: [redacted:db_password]');
    expect(redacted.cause.message).toBe('sent [redacted:crm_token]');
    expect(error.message).toBe('login failed for hunter2!');
  });

  it('leaves values shorter than 4 characters, bare values become [redacted], and cycles end', () => {
    const bare = createRedactor(['abc', 'secret-value']);
    const cyclic: Record<string, unknown> = { text: 'abc secret-value' };
    cyclic.self = cyclic;
    const result = bare(cyclic) as Record<string, unknown>;
    expect(result.text).toBe('abc [redacted]');
    expect(result.self).toBe(result);
    expect(bare(new Map([['k', new Set(['secret-value'])]]))).toEqual(new Map([['k', new Set(['[redacted]'])]]));
  });

  it('returns the value itself when there is nothing to redact', () => {
    const value = { a: 'b' };
    expect(createRedactor([])(value)).toBe(value);
  });
});
