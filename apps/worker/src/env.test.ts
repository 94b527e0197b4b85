import { ConfigurationError } from '@cascade/env';
import { describe, expect, it } from 'vitest';
import { loadWorkerEnv } from './env';

const base = { DATABASE_URL: 'postgresql://u:p@h:5432/db', CASCADE_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') };
const woSource = { stream: 'WORK_ORDERS', subjects: ['wo.>'], tenant: { subjectToken: 1, allowed: ['acme'] } };

describe('the worker environment', () => {
  it('reads NATS sources bound to their tenants by configuration', () => {
    const platform = { stream: 'PLATFORM', subjects: ['platform.*.events'], tenant: { slug: 'acme' } };
    const env = loadWorkerEnv({ ...base, NATS_URL: 'nats://127.0.0.1:4222', NATS_SOURCES: JSON.stringify([woSource, platform]) });
    expect(env.NATS_SOURCES.map((source) => [source.stream, source.tenant, source.durable])).toEqual([
      ['WORK_ORDERS', { subjectToken: 1, allowed: ['acme'] }, 'cascade-ingest'],
      ['PLATFORM', { slug: 'acme' }, 'cascade-ingest'],
    ]);
  });

  it('requires NATS_SOURCES with NATS_URL: no default can know the tenant', () => {
    expect(() => loadWorkerEnv({ ...base, NATS_URL: 'nats://127.0.0.1:4222' })).toThrow(/^NATS_SOURCES: is required with NATS_URL/);
    expect(loadWorkerEnv(base).NATS_SOURCES).toEqual([]);
  });

  it('refuses a source whose tenant the message would choose, saying what is expected', () => {
    const shapes = /^NATS_SOURCES\.0\.tenant: must be \{"slug": "<tenant>"\}, \{"id": "<tenant uuid>"\} or \{"subjectToken": <n>, "allowed": \[/;
    const cases: Array<[unknown, RegExp]> = [
      ['envelope', shapes],
      [{ subjectToken: 1 }, shapes],
      [{ subjectToken: 1, allowed: [] }, /^NATS_SOURCES\.0\.tenant\.allowed: must list at least one tenant slug or id$/],
      [{ slug: 'acme', subjectToken: 1 }, /^NATS_SOURCES\.0\.tenant: Unrecognized key: "subjectToken"$/],
      [{ slug: 'wo.*' }, /^NATS_SOURCES\.0\.tenant\.slug: must be a tenant slug or id \(one subject token\)$/],
      [{ id: 'acme' }, /^NATS_SOURCES\.0\.tenant\.id: Invalid UUID$/],
    ];
    for (const [tenant, expected] of cases) {
      const load = () => loadWorkerEnv({ ...base, NATS_URL: 'nats://h:4222', NATS_SOURCES: JSON.stringify([{ ...woSource, tenant }]) });
      expect(load, JSON.stringify(tenant)).toThrow(ConfigurationError);
      expect(load, JSON.stringify(tenant)).toThrow(expected);
    }
  });

  it('archives retention to one place: a directory or a bucket, not both', () => {
    expect(loadWorkerEnv({ ...base, RETENTION_ARCHIVE_DIR: '/var/cascade/archive' })).toMatchObject({ RETENTION_ARCHIVE_DIR: '/var/cascade/archive', RETENTION_BATCH_SIZE: 500 });
    expect(() => loadWorkerEnv({ ...base, RETENTION_ARCHIVE_DIR: '/a', RETENTION_S3_BUCKET: 'b' })).toThrow(/^RETENTION_S3_BUCKET: cannot be set with RETENTION_ARCHIVE_DIR/);
    expect(() => loadWorkerEnv({ ...base, RETENTION_BATCH_SIZE: '0' })).toThrow(/^RETENTION_BATCH_SIZE: /);
  });
});
