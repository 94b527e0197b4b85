'use client';

import { useState } from 'react';
import styles from '../designer.module.css';
import { loadTestRun, SCOPE_LABELS, startTestRun, type TestRunStart, type TestRunView, type TestScope } from './test-run-api';
import { TestRunHistory } from './test-run-history';
import { TestRunLive } from './test-run-live';
import { TestRunSetup } from './test-run-setup';

interface TestRunPanelProps {
  workflowId: string;
  /** Runs only part of the draft: set when the panel is opened from a node's inspector. */
  scope?: TestScope | undefined;
  /** Saves unsaved changes first, since a test runs the stored draft; false when saving failed. */
  ensureSaved: () => Promise<boolean>;
  onClose: () => void;
}

/**
 * The designer's "Test run" panel: runs the current draft on the real worker without publishing
 * anything, and shows it going, its waits answerable here. A new test starts from the setup again,
 * beside the recent test runs, any of which opens as one just run does.
 */
export function TestRunPanel({ workflowId, scope, ensureSaved, onClose }: TestRunPanelProps) {
  const [run, setRun] = useState<TestRunView>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; details: string[] }>();

  const start = async (request: TestRunStart) => {
    setBusy(true);
    setFailure(undefined);
    const saved = await ensureSaved();
    const result = saved ? await startTestRun(workflowId, scope ? { ...request, scope } : request) : undefined;
    setBusy(false);
    if (!result) return setFailure({ message: 'Save the draft first: the test runs the saved draft', details: [] });
    if (!result.ok) {
      const details = [...result.problems.map((problem) => `${problem.nodeId ?? 'workflow'}: ${problem.message}`), ...result.fieldErrors.filter(() => result.problems.length === 0).map((e) => `${e.path}: ${e.message}`)];
      return setFailure({ message: result.message, details });
    }
    setRun(result.value);
  };

  const open = async (testRunId: string) => {
    setFailure(undefined);
    const result = await loadTestRun(workflowId, testRunId);
    if (!result.ok) return setFailure({ message: result.message, details: [] });
    setRun(result.value);
  };

  return (
    <section className={`${styles.panel} ${styles.testRunPanel}`} data-testid="test-run-panel" aria-label="Test run">
      <header className={styles.inspectorHeader}>
        <h2>{scope ? <>{SCOPE_LABELS[scope.mode]}: <code>{scope.nodeId}</code></> : 'Test run'}</h2>
        <span>
          {run && <button type="button" className={styles.secondary} onClick={() => setRun(undefined)}>New test</button>}{' '}
          <button type="button" className={styles.secondary} onClick={onClose}>Close</button>
        </span>
      </header>
      {failure && (
        <div role="alert" className="error" data-testid="test-run-refused">
          {failure.message}
          {failure.details.length > 0 && <ul>{failure.details.map((detail) => <li key={detail}>{detail}</li>)}</ul>}
        </div>
      )}
      {run ? <TestRunLive key={run.id} initial={run} /> : (
        <>
          <TestRunSetup workflowId={workflowId} scope={scope} busy={busy} onStart={(request) => void start(request)} />
          <TestRunHistory workflowId={workflowId} onOpen={(testRunId) => void open(testRunId)} />
        </>
      )}
    </section>
  );
}
