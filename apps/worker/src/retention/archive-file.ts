import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export type ArchiveKind = 'events' | 'runs';

/** One line of an archive file: a record and the id it is known by. */
export interface ArchiveRecord {
  id: string;
  /** The UTC day the file is filed under: an event's receipt, a run's finish. */
  day: string;
  line: Record<string, unknown>;
}

export interface ArchiveFile {
  key: string;
  body: Uint8Array;
  ids: string[];
}

/**
 * Groups a batch by day into gzip'd newline-delimited JSON files keyed
 * `<tenant>/<day>/<kind>-<hash of the ids>.ndjson.gz`. The same records give the same key, so a
 * batch archived again after a crash (before its delete committed) replaces its file rather
 * than adding a second copy.
 */
export function archiveFiles(tenantId: string, kind: ArchiveKind, records: readonly ArchiveRecord[]): ArchiveFile[] {
  const byDay = new Map<string, ArchiveRecord[]>();
  for (const record of records) {
    const group = byDay.get(record.day);
    if (group) group.push(record);
    else byDay.set(record.day, [record]);
  }
  return [...byDay].map(([day, group]) => {
    const ids = group.map((record) => record.id);
    const hash = createHash('sha256').update([...ids].sort().join('\n')).digest('hex').slice(0, 16);
    const text = group.map((record) => JSON.stringify(record.line)).join('\n') + '\n';
    return { key: `${tenantId}/${day}/${kind}-${hash}.ndjson.gz`, body: gzipSync(text), ids };
  });
}

/** `2026-12-05`, the UTC day of an instant as PostgreSQL's JSON renders it. */
export const utcDay = (instant: string | Date) => new Date(instant).toISOString().slice(0, 10);
