'use client';

import { useMemo } from 'react';
import { jsonLineDiff, withContext } from './json-line-diff';
import styles from './versions-panel.module.css';

const MARK = { same: ' ', added: '+', removed: '−' } as const;

/** The two definitions' JSON as a unified diff, unchanged stretches folded. */
export function VersionJsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const lines = useMemo(() => jsonLineDiff(before, after), [before, after]);
  if (!lines) return <p className="muted">These definitions are too large to compare line by line here; the node diff above lists every change.</p>;
  return (
    <pre className={styles.jsonDiff} data-testid="json-diff">
      {withContext(lines).map((line, index) =>
        line.kind === 'fold' ? (
          <div key={index} className={styles.fold}>⋯ {line.count} unchanged lines</div>
        ) : (
          <div key={index} className={styles[line.kind]}>
            {MARK[line.kind]} {line.text}
          </div>
        ),
      )}
    </pre>
  );
}
