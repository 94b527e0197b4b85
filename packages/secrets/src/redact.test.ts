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

  it('catches a value as it appears base64 (standard and URL-safe, padded or not), hex, form-encoded or \\u-escaped', () => {
    // "?>?" bytes make the standard and URL-safe alphabets differ (+/ against -_).
    const value = 'p?>?ss wörd~';
    const redactOne = createRedactor([{ name: 'pw', value }]);
    const bytes = Buffer.from(value);
    const standard = bytes.toString('base64');
    const urlSafe = bytes.toString('base64url');
    expect(standard).toMatch(/[+/]/);
    expect(standard).toMatch(/=$/);
    for (const form of [
      standard,
      standard.replace(/=+$/, ''),
      urlSafe,
      `${urlSafe}==`,
      bytes.toString('hex'),
      bytes.toString('hex').toUpperCase(),
      encodeURIComponent(value),
      new URLSearchParams({ q: value }).toString().slice(2),
      JSON.stringify(value).slice(1, -1),
      JSON.stringify(value).slice(1, -1).replace('ö', '\\u00f6'),
    ]) {
      expect(redactOne(`before ${form} after`), form).toBe('before [redacted:pw] after');
    }
  });

  it('catches a value base64-encoded inside a longer text, at any byte offset (as in Basic auth)', () => {
    const value = 'tok_live_123456';
    const redactOne = createRedactor([{ name: 'crm_token', value }]);
    for (const user of ['', 'a', 'ab', 'abc', 'user:']) {
      for (const after of ['', '!', '!?', '!?#']) {
        for (const encoding of ['base64', 'base64url'] as const) {
          const encoded = Buffer.from(`${user}${value}${after}`).toString(encoding);
          const redacted = redactOne(`Authorization: Basic ${encoded}`) as string;
          expect(redacted, `${encoding} of ${user}…${after}`).toContain('[redacted:crm_token]');
          // What is left encodes the text around the value, and at most two characters that share bits with it.
          const left = redacted.replace('Authorization: Basic ', '').replace('[redacted:crm_token]', '');
          expect(left.length).toBeLessThanOrEqual(Math.ceil(((user.length + after.length) * 4) / 3) + 4);
        }
      }
    }
  });

  it('redacts the encoded forms in step outputs and log fields as it does the plain value', () => {
    const output = { body: { echoed: Buffer.from('hunter2!').toString('base64'), digest: Buffer.from('hunter2!').toString('hex') }, log: `GET /?p=${encodeURIComponent('hunter2!')}` };
    expect(redact(output)).toEqual({ body: { echoed: '[redacted:db_password]', digest: '[redacted:db_password]' }, log: 'GET /?p=[redacted:db_password]' });
  });

  it('replaces the longer of two overlapping secrets whole', () => {
    const nested = createRedactor([{ name: 'short', value: 'abcd' }, { name: 'long', value: 'xxabcdxx' }]);
    expect(nested('1 xxabcdxx 2 abcd')).toBe('1 [redacted:long] 2 [redacted:short]');
  });

  it('replaces overlapping occurrences as one span, leaving no part of either', () => {
    const overlapping = createRedactor([{ name: 'a', value: 'abcdef' }, { name: 'b', value: 'defghi' }, { name: 'c', value: 'zzzz' }]);
    expect(overlapping('1 abcdefghi 2')).toBe('1 [redacted:a][redacted:b] 2');
    expect(overlapping('zzzzzzz')).toBe('[redacted:c]');
  });

  it('redacts a 64 KiB secret in a 1 MB text that almost matches everywhere, in linear time', () => {
    const certificate = `${'a'.repeat(65_535)}b`;
    const large = createRedactor([{ name: 'cert', value: certificate }]);
    const hostile = 'a'.repeat(1_000_000);
    const started = performance.now();
    expect(large(hostile)).toBe(hostile);
    expect(large(`x${certificate}x`)).toBe('x[redacted:cert]x');
    const elapsed = performance.now() - started;
    console.log(`64 KiB secret over 1 MB of near misses: ${elapsed.toFixed(0)} ms`);
    // A backtracking search would compare up to 64 Ki characters at each of the 1 M positions.
    expect(elapsed).toBeLessThan(5_000);
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
