import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigurationError, envFields, parseEnv } from './index';

const schema = z.object({ DATABASE_URL: envFields.databaseUrl, PORT: envFields.port(3000), TEMPORAL_ADDRESS: envFields.temporalAddress });

describe('parseEnv', () => {
  it('applies defaults and coerces numbers', () => {
    expect(parseEnv(schema, { DATABASE_URL: 'postgresql://u:p@h:5432/db', PORT: '8080' })).toEqual({
      DATABASE_URL: 'postgresql://u:p@h:5432/db',
      PORT: 8080,
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
    });
  });

  it('names the bad setting and what was expected, in one line', () => {
    const parse = () => parseEnv(schema, { DATABASE_URL: 'mysql://h/db', TEMPORAL_ADDRESS: 'http://x' });
    expect(parse).toThrow(ConfigurationError);
    expect(parse).toThrow('DATABASE_URL: must be a postgresql:// URL; TEMPORAL_ADDRESS: must be host:port, e.g. 127.0.0.1:7233');
  });

  it('explains a missing required setting', () => {
    expect(() => parseEnv(schema, {})).toThrow(/^DATABASE_URL: is required: the PostgreSQL connection URL/);
  });
});
