'use client';

import { DateTime } from '@/components/date-time';
import type { VersionInfo } from './api';
import styles from './designer.module.css';

/** The published versions, newest first; each is immutable and runs keep the one they started with. */
export function VersionsPanel({ versions }: { versions: readonly VersionInfo[] | undefined }) {
  return (
    <section className={styles.panel} aria-label="Versions" data-testid="versions">
      <h2>Published versions</h2>
      {versions === undefined ? (
        <p className="muted">Loading…</p>
      ) : versions.length === 0 ? (
        <p className="muted">Not published yet.</p>
      ) : (
        <ul className={styles.versionList}>
          {versions.map((version) => (
            <li key={version.id} data-testid="version-row">
              <details>
                <summary>
                  Version {version.version} · <DateTime value={version.publishedAt} />
                </summary>
                <pre>{JSON.stringify(version.definition, null, 2)}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
