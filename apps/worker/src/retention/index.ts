import type { WorkerEnv } from '../env';
import { directoryArchive, s3Archive, type ArchiveStore } from './archive-store';

export { startRetention, runRetentionPass } from './retention-pass';
export type { RetentionContext } from './retention-context';

/** The archive the environment names; none when neither a directory nor a bucket is set, and then retention deletes nothing. */
export function archiveFromEnv(env: WorkerEnv): ArchiveStore | undefined {
  if (env.RETENTION_ARCHIVE_DIR) return directoryArchive(env.RETENTION_ARCHIVE_DIR);
  if (env.RETENTION_S3_BUCKET) {
    return s3Archive({ bucket: env.RETENTION_S3_BUCKET, prefix: env.RETENTION_S3_PREFIX, region: env.RETENTION_S3_REGION, endpoint: env.RETENTION_S3_ENDPOINT });
  }
  return undefined;
}
