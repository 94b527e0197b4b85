import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveFiles } from './archive-file';
import { directoryArchive, s3Archive } from './archive-store';

const tenantId = '7d0c1a0e-0000-4000-8000-000000000001';
const records = (ids: string[], day = '2026-11-02') => ids.map((id) => ({ id, day, line: { kind: 'event', event: { id } } }));

describe('archive files', () => {
  it('file each day of a batch apart, named by the ids they hold whatever their order', () => {
    const files = archiveFiles(tenantId, 'events', [...records(['a', 'b']), ...records(['c'], '2026-11-03')]);
    expect(files.map((file) => [file.key.replace(/[0-9a-f]{16}/, '<hash>'), file.ids])).toEqual([
      [`${tenantId}/2026-11-02/events-<hash>.ndjson.gz`, ['a', 'b']],
      [`${tenantId}/2026-11-03/events-<hash>.ndjson.gz`, ['c']],
    ]);
    expect(archiveFiles(tenantId, 'events', records(['b', 'a']))[0]!.key).toBe(files[0]!.key);
    expect(archiveFiles(tenantId, 'events', records(['a', 'b', 'x']))[0]!.key).not.toBe(files[0]!.key);
    expect(gunzipSync(files[0]!.body).toString()).toBe('{"kind":"event","event":{"id":"a"}}\n{"kind":"event","event":{"id":"b"}}\n');
  });
});

describe('the directory archive', () => {
  it('replaces a file written again whole, and leaves no temporary file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cascade-archive-'));
    const archive = directoryArchive(dir);
    await archive.put('t/2026-11-02/events-1.ndjson.gz', Buffer.from('first'));
    await archive.put('t/2026-11-02/events-1.ndjson.gz', Buffer.from('second'));
    expect(await readdir(join(dir, 't', '2026-11-02'))).toEqual(['events-1.ndjson.gz']);
    expect(await readFile(join(dir, 't', '2026-11-02', 'events-1.ndjson.gz'), 'utf8')).toBe('second');
  });
});

describe('the S3 archive, against a local S3-compatible server', () => {
  let server: S3rver;
  let endpoint: string;
  beforeAll(async () => {
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: await mkdtemp(join(tmpdir(), 'cascade-s3-')), configureBuckets: [{ name: 'archive', configs: [] }] });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    // The SDK's usual chain, as the worker reads it; s3rver's fixed credentials.
    process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
    process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  });
  afterAll(() => server.close());

  it('stores each file under the prefix, readable back as gzip’d JSON lines', async () => {
    const archive = s3Archive({ bucket: 'archive', prefix: 'cascade/', region: 'us-east-1', endpoint });
    for (const file of archiveFiles(tenantId, 'events', records(['a', 'b']))) {
      await archive.put(file.key, file.body);
      await archive.put(file.key, file.body);
    }
    const reader = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true });
    const listed = await reader.send(new ListObjectsV2Command({ Bucket: 'archive', Prefix: `cascade/${tenantId}/` }));
    expect(listed.Contents?.map((object) => object.Key?.replace(/[0-9a-f]{16}/, '<hash>'))).toEqual([`cascade/${tenantId}/2026-11-02/events-<hash>.ndjson.gz`]);
    const object = await reader.send(new GetObjectCommand({ Bucket: 'archive', Key: listed.Contents![0]!.Key }));
    const lines = gunzipSync(await object.Body!.transformToByteArray()).toString().trim().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual([{ kind: 'event', event: { id: 'a' } }, { kind: 'event', event: { id: 'b' } }]);
  });
});
