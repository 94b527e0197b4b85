'use client';

import { isWarning, type Problem } from '@cascade/workflow';
import { applyFix } from '@/designer/fix';
import { useDesigner } from './designer-context';
import styles from './designer.module.css';

/** How a fix reads on its button's tooltip: the expression it writes. */
function fixPreview(value: unknown): string {
  if (typeof value === 'string') return value;
  const expression = (value as { $expr?: unknown } | null)?.$expr;
  return typeof expression === 'string' ? `the expression ${expression}` : JSON.stringify(value);
}

/** Applies the problem's fix to the draft in one edit; nothing when it has none or the draft is read-only. */
export function FixButton({ problem }: { problem: Problem }) {
  const { dispatch, readOnly } = useDesigner();
  if (!problem.fix || readOnly) return null;
  const preview = fixPreview(problem.fix.value);
  return (
    <button
      type="button"
      className={styles.fixButton}
      data-testid="apply-fix"
      title={`Write ${preview}`}
      aria-label={`Fix ${[problem.nodeId, problem.field].filter(Boolean).join(' · ')}: write ${preview}`}
      onClick={() => dispatch({ type: 'edit', apply: (definition) => applyFix(definition, problem) })}
    >
      Fix
    </button>
  );
}

/** Warnings read apart from errors: their own colour, and the word in front. */
export function SeverityMark({ problem }: { problem: Problem }) {
  return isWarning(problem) ? <strong className={styles.warningMark}>Warning: </strong> : null;
}

export const severityOf = (problem: Problem): 'warning' | 'error' => (isWarning(problem) ? 'warning' : 'error');
