'use client';

import { isWarning, type Problem } from '@cascade/workflow';
import { useId, useState } from 'react';
import styles from './designer.module.css';
import { severityOf } from './problem-fix';

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * A card's validation state: nothing when the node is fine, else a badge counting its errors and
 * warnings. Hovering or focusing the badge opens the whole list in a tooltip the badge is described
 * by, so a screen reader hears the problems too; Escape closes it.
 */
export function ProblemBadge({ nodeId, problems }: { nodeId: string; problems: readonly Problem[] }) {
  const [placement, setPlacement] = useState<'below' | 'above' | undefined>(undefined);
  const tooltipId = useId();
  if (problems.length === 0) return null;
  const open = placement !== undefined;
  // The list opens below the badge, or above it when the badge sits low in the canvas, which clips it.
  const show = (event: { currentTarget: Element }) => {
    const canvas = event.currentTarget.closest('.react-flow')?.getBoundingClientRect();
    const badge = event.currentTarget.getBoundingClientRect();
    setPlacement(canvas && badge.bottom > canvas.top + canvas.height / 2 ? 'above' : 'below');
  };
  const hide = () => setPlacement(undefined);
  const errors = problems.filter((problem) => !isWarning(problem)).length;
  const warnings = problems.length - errors;
  const summary = [errors > 0 ? count(errors, 'error') : '', warnings > 0 ? count(warnings, 'warning') : ''].filter(Boolean).join(', ');
  return (
    <span className={styles.problemBadgeWrap} data-open={open || undefined} data-placement={placement} onMouseEnter={show} onMouseLeave={hide}>
      <button
        type="button"
        // Pressing it must not start a drag of the card or a pan of the canvas.
        className={`nodrag nopan ${styles.problemBadge}`}
        data-severity={errors > 0 ? 'error' : 'warning'}
        aria-label={`${summary} in ${nodeId}`}
        aria-describedby={tooltipId}
        aria-expanded={open}
        data-testid="node-problem-badge"
        onFocus={show}
        onBlur={hide}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.stopPropagation();
            hide();
          }
        }}
      >
        {errors > 0 ? '!' : '⚠'} {problems.length}
      </button>
      {/* Always in the DOM (hidden when closed): the badge's description reads it either way. */}
      <div role="tooltip" id={tooltipId} className={styles.problemTooltip} hidden={!open} data-testid="node-problem-tooltip">
        <strong>{summary}</strong>
        <ul className={styles.nodeProblems} data-testid="node-problems">
          {problems.map((problem, index) => (
            <li key={index} data-severity={severityOf(problem)}>
              {isWarning(problem) ? 'Warning: ' : ''}
              {problem.field ? `${problem.field}: ` : ''}
              {problem.message}
            </li>
          ))}
        </ul>
      </div>
    </span>
  );
}
