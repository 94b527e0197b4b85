'use client';

import { isWarning, type Problem } from '@cascade/workflow';
import { problemLabel } from '@/designer/problems';
import styles from './designer.module.css';
import { FixButton, SeverityMark, severityOf } from './problem-fix';
import { useZoomToNode } from './zoom-to-node';

interface ProblemsPanelProps {
  /** What the validator finds in the browser as the workflow is drawn: errors, then warnings. */
  problems: readonly Problem[];
  /** Whether the validator has yet to check the workflow just opened (it runs when the browser is idle). */
  checking?: boolean;
  /** What the server refused the last publish for, until the next edit. */
  refused: readonly Problem[];
  /** Selects the node a problem is about. */
  onSelect: (nodeId: string) => void;
}

export function ProblemsPanel({ problems, checking = false, refused, onSelect }: ProblemsPanelProps) {
  const zoomToNode = useZoomToNode();
  const item = (problem: Problem, index: number) => (
    <li key={index} data-testid={isWarning(problem) ? 'warning' : 'problem'} data-code={problem.code} data-severity={severityOf(problem)}>
      <SeverityMark problem={problem} />
      {problem.nodeId ? (
        <button type="button" className={styles.linkButton} onClick={() => zoomToNode(problem.nodeId!) || onSelect(problem.nodeId!)}>
          {problemLabel(problem)}
        </button>
      ) : (
        problemLabel(problem)
      )}
      <FixButton problem={problem} />
    </li>
  );
  const errors = problems.filter((problem) => !isWarning(problem));
  const warnings = problems.filter(isWarning);
  return (
    <section className={styles.panel} aria-label="Problems" data-testid="problems">
      <h2>Problems</h2>
      {checking ? (
        <p className="muted" data-testid="checking">Checking the workflow…</p>
      ) : errors.length === 0 ? (
        <p className="status-ok" data-testid="no-problems">
          {warnings.length === 0 ? 'No problems: the workflow can be published.' : 'No errors: the workflow can be published; look at the warnings first.'}
        </p>
      ) : (
        <ul className={styles.problemList}>{errors.map(item)}</ul>
      )}
      {warnings.length > 0 && (
        <>
          <h3>Warnings</h3>
          <ul className={styles.problemList} data-testid="warnings">{warnings.map(item)}</ul>
        </>
      )}
      {refused.length > 0 && (
        <>
          <h3>Publishing was refused for</h3>
          <ul className={styles.problemList} data-testid="publish-problems">{refused.map(item)}</ul>
        </>
      )}
    </section>
  );
}
