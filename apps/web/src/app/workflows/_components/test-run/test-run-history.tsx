'use client';

import { useEffect, useState } from 'react';
import { DateTime } from '@/components/date-time';
import styles from '../designer.module.css';
import { listTestRuns, SCOPE_LABELS, type TestRunSummary } from './test-run-api';

/**
 * The workflow's recent test runs, newest first, each opened on the test canvas as a test that has
 * just run is: so a test run can be found again after the page was left or reloaded.
 */
export function TestRunHistory({ workflowId, onOpen }: { workflowId: string; onOpen: (testRunId: string) => void }) {
  const [page, setPage] = useState<{ runs: TestRunSummary[]; next: string | null }>();
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    let current = true;
    void listTestRuns(workflowId).then((result) => {
      if (!current) return;
      if (result.ok) setPage({ runs: result.value.items, next: result.value.nextCursor });
      else setFailure(result.message);
    });
    return () => {
      current = false;
    };
  }, [workflowId]);

  const showOlder = async (cursor: string) => {
    const result = await listTestRuns(workflowId, cursor);
    if (!result.ok) return setFailure(result.message);
    setPage((shown) => ({ runs: [...(shown?.runs ?? []), ...result.value.items], next: result.value.nextCursor }));
  };
  const runs = page?.runs;

  return (
    <section data-testid="test-run-history" aria-label="Recent test runs">
      <h3>Recent test runs</h3>
      {failure && <p role="alert" className="error">{failure}</p>}
      {!runs && !failure && <p className="muted" role="status">Loading…</p>}
      {runs?.length === 0 && <p className="muted">None yet: a test run started here is listed, to be opened again later.</p>}
      {runs && runs.length > 0 && (
        <table className={styles.testRunHistory}>
          <thead>
            <tr><th>Status</th><th>Started</th><th>Ran</th><th>Event</th><th>Open</th></tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id} data-testid={`test-run-history-${run.id}`}>
                <td className={run.status === 'FAILED' ? 'status-bad' : undefined} title={run.error ?? undefined}>{run.status}</td>
                <td><DateTime value={run.startedAt} /></td>
                <td>{run.scope ? <>{SCOPE_LABELS[run.scope.mode]}: <code>{run.scope.nodeId}</code></> : 'Whole draft'}</td>
                <td>{run.eventType ? <code>{run.eventType}</code> : '—'}</td>
                <td><button type="button" className={styles.secondary} onClick={() => onOpen(run.id)}>Open</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page?.next && <button type="button" className={styles.secondary} onClick={() => void showOlder(page.next!)}>Show older</button>}
    </section>
  );
}
