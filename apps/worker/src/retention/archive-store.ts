import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

/**
 * Where retention writes what it is about to delete. `put` resolves only once the object is
 * durable (a flushed and renamed file, an acknowledged PUT), because the delete follows it.
 * Keys are named by their content (archive-file.ts), so writing one again replaces it whole.
 */
export interface ArchiveStore {
  /** For logs: the directory or bucket, never a credential. */
  readonly location: string;
  put(key: string, body: Uint8Array): Promise<void>;
}

/**
 * Files under `root`: written to a temporary name, flushed, renamed over the key and the
 * directory flushed, so a crash leaves either the whole file or none, never half of one.
 */
export function directoryArchive(root: string): ArchiveStore {
  return {
    location: root,
    async put(key, body) {
      const path = join(root, ...key.split('/'));
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${randomUUID()}.partial`;
      const file = await open(temporary, 'w');
      try {
        await file.writeFile(body);
        await file.sync();
      } finally {
        await file.close();
      }
      try {
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      const directory = await open(dirname(path), 'r');
      try {
        await directory.sync();
      } finally {
        await directory.close();
      }
    },
  };
}

export interface S3ArchiveOptions {
  bucket: string;
  /** Prepended to every key, e.g. `cascade/`. */
  prefix: string;
  region: string;
  /** An S3-compatible server (MinIO, Ceph, …); path-style addressing is used with it. */
  endpoint?: string;
}

/**
 * Objects in an S3 bucket or an S3-compatible store. A PUT is atomic and acknowledged only once
 * stored, so it needs no temporary name. Credentials come from the SDK's usual chain
 * (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, an instance role).
 */
export function s3Archive(options: S3ArchiveOptions, client = defaultS3Client(options)): ArchiveStore {
  return {
    location: `s3://${options.bucket}/${options.prefix}`,
    async put(key, body) {
      await client.send(
        // A gzip file, not a gzip-encoded one: clients that honour Content-Encoding would unpack it on download.
        new PutObjectCommand({ Bucket: options.bucket, Key: `${options.prefix}${key}`, Body: body, ContentType: 'application/gzip' }),
      );
    },
  };
}

const defaultS3Client = (options: S3ArchiveOptions) =>
  new S3Client({ region: options.region, ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}) });
