'use client';

import type { Problem } from '@cascade/workflow';
import { problemLabel } from '@/designer/problems';
import styles from './designer.module.css';

interface ProblemsPanelProps {
  /** What the validator finds in the browser as the workflow is drawn. */
  problems: readonly Problem[];
  /** What the server refused the last publish for, until the next edit. */
  refused: readonly Problem[];
  /** Selects the node a problem is about. */
  onSelect: (nodeId: string) => void;
}

export function ProblemsPanel({ problems, refused, onSelect }: ProblemsPanelProps) {
  const item = (problem: Problem, index: number) => (
    <li key={index} data-testid="problem" data-code={problem.code}>
      {problem.nodeId ? (
        <button type="button" className={styles.linkButton} onClick={() => onSelect(problem.nodeId!)}>
          {problemLabel(problem)}
        </button>
      ) : (
        problemLabel(problem)
      )}
    </li>
  );
  return (
    <section className={styles.panel} aria-label="Problems" data-testid="problems">
      <h2>Problems</h2>
      {problems.length === 0 ? (
        <p className="status-ok" data-testid="no-problems">No problems: the workflow can be published.</p>
      ) : (
        <ul className={styles.problemList}>{problems.map(item)}</ul>
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
