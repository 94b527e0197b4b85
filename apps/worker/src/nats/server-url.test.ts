import { describe, expect, it } from 'vitest';
import { parseNatsUrl } from './server-url';

describe('parseNatsUrl', () => {
  it('takes user and password out of the server URL', () => {
    expect(parseNatsUrl('nats://cascade:s3cr%40t@nats.internal:4222')).toEqual({ servers: ['nats://nats.internal:4222'], user: 'cascade', pass: 's3cr@t' });
  });

  it('reads a lone userinfo as a token, and a password holding a raw @ or :', () => {
    expect(parseNatsUrl('tls://t0ken@nats.internal')).toEqual({ servers: ['tls://nats.internal'], token: 't0ken' });
    expect(parseNatsUrl('nats://u:p@ss:w@rd@h:4222')).toEqual({ servers: ['nats://h:4222'], user: 'u', pass: 'p@ss:w@rd' });
  });

  it('handles a list of servers and URLs without scheme or credentials', () => {
    expect(parseNatsUrl('u:p@a:4222, nats://b:4222')).toEqual({ servers: ['a:4222', 'nats://b:4222'], user: 'u', pass: 'p' });
    expect(parseNatsUrl('127.0.0.1:4222')).toEqual({ servers: ['127.0.0.1:4222'] });
  });
});
