'use client';

import { diffDefinitions } from '@cascade/workflow';
import { useMemo, useState } from 'react';
import { DateTime } from '@/components/date-time';
import { diffOverlay } from '@/components/workflow-graph/diff-overlay';
import { previewDefinition } from '@/components/workflow-graph/preview-definition';
import { ReadOnlyGraph } from '@/components/workflow-graph/read-only-graph';
import type { VersionInfo } from './api';
import { DefinitionDiffView } from './definition-diff';
import styles from './versions-panel.module.css';
import { VersionJsonDiff } from './version-json-diff';

/** What publishing does to runs in flight: nothing; they finish on the version they started with. */
function PublishImpact({ versions }: { versions: readonly VersionInfo[] }) {
  const inFlight = versions.filter((v) => (v.runs?.running ?? 0) > 0);
  const total = inFlight.reduce((sum, v) => sum + v.runs!.running, 0);
  return (
    <p className={styles.impact} data-testid="publish-impact">
      {total === 0 ? (
        <>No run is in flight; publishing changes only the version new runs start on.</>
      ) : (
        <>
          {total} {total === 1 ? 'run is' : 'runs are'} in flight on{' '}
          {inFlight.map((v, index) => (
            <span key={v.id}>
              {index > 0 && ', '}version {v.version} ({v.runs!.running})
            </span>
          ))}
          . {total === 1 ? 'It keeps its' : 'They keep their'} version when you publish; only new runs start on the new one.
        </>
      )}
    </p>
  );
}

function VersionTable({ versions }: { versions: readonly VersionInfo[] }) {
  return (
    <table className={styles.versions}>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Published</th>
          <th scope="col">Running</th>
          <th scope="col">Completed</th>
          <th scope="col">Failed</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((version) => (
          <tr key={version.id} data-testid="version-row">
            <td>Version {version.version}</td>
            <td>
              <DateTime value={version.publishedAt} />
              {version.publishedBy && <span className="muted"> · {version.publishedBy}</span>}
            </td>
            <td data-testid="version-running">{version.runs?.running ?? '—'}</td>
            <td data-testid="version-completed">{version.runs?.completed ?? '—'}</td>
            <td data-testid="version-failed" className={version.runs?.failed ? 'status-bad' : undefined}>{version.runs?.failed ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function VersionSelect({ label, value, versions, onChange }: { label: string; value: number; versions: readonly VersionInfo[]; onChange: (version: number) => void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(event) => onChange(Number(event.target.value))} aria-label={`Compare ${label.toLowerCase()}`}>
        {versions.map((v) => (
          <option key={v.id} value={v.version}>
            version {v.version}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Any two versions side by side: nodes added, removed and changed field by field, and the JSON. */
function VersionCompare({ versions }: { versions: readonly VersionInfo[] }) {
  const [picked, setPicked] = useState<{ from: number; to: number } | null>(null);
  // Until the reader picks, the latest version is compared with the one before it, also after a publish.
  const from = picked?.from ?? versions[1]!.version;
  const to = picked?.to ?? versions[0]!.version;
  const before = versions.find((v) => v.version === from);
  const after = versions.find((v) => v.version === to);
  const diff = useMemo(() => (before && after ? diffDefinitions(before.definition, after.definition) : null), [before, after]);
  const overlay = useMemo(
    () => (before && after && diff ? diffOverlay(previewDefinition(before.definition, 'Before'), previewDefinition(after.definition, 'After'), diff) : null),
    [before, after, diff],
  );
  return (
    <section aria-label="Compare versions" data-testid="version-compare">
      <h3>What changed</h3>
      <div className={styles.pickers}>
        <VersionSelect label="From" value={from} versions={versions} onChange={(version) => setPicked({ from: version, to })} />
        <VersionSelect label="To" value={to} versions={versions} onChange={(version) => setPicked({ from, to: version })} />
      </div>
      {before && after && diff && overlay && (
        <>
          {!diff.identical && <p className="muted">On the graph: added in green, changed in amber, removed in red and dashed.</p>}
          {!diff.identical && (
            <ReadOnlyGraph
              definition={overlay.definition}
              decorations={overlay.decorations}
              edgeMarks={overlay.edgeMarks}
              label={`Version ${to} drawn against version ${from}: added in green, changed in amber, removed in red`}
              testId="version-diff-graph"
            />
          )}
          <DefinitionDiffView diff={diff} />
          <details className={styles.json}>
            <summary>JSON diff</summary>
            <VersionJsonDiff before={before.definition} after={after.definition} />
          </details>
        </>
      )}
    </section>
  );
}

/** The published versions, newest first, with their runs; each is immutable and runs keep the one they started with. */
export function VersionsPanel({ versions }: { versions: readonly VersionInfo[] | undefined }) {
  return (
    <section className={styles.panel} aria-label="Versions" data-testid="versions">
      <h2>Published versions</h2>
      {versions === undefined ? (
        <p className="muted">Loading…</p>
      ) : versions.length === 0 ? (
        <p className="muted">Not published yet.</p>
      ) : (
        <>
          <PublishImpact versions={versions} />
          <VersionTable versions={versions} />
          {versions.length > 1 ? <VersionCompare versions={versions} /> : (
            <details className={styles.json}>
              <summary>Definition JSON</summary>
              <pre>{JSON.stringify(versions[0]!.definition, null, 2)}</pre>
            </details>
          )}
        </>
      )}
    </section>
  );
}
