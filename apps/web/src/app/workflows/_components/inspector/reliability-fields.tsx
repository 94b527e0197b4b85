'use client';

import styles from '../designer.module.css';
import { Field, TextField } from './field';
import { text, type NodeEditor } from './node-editor';

interface RetryPolicy {
  maxAttempts: number;
  initialInterval: string;
  backoff: number;
  maxInterval: string;
}

/** What "Retry on failure" starts with: three attempts, one second apart, doubling. */
const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, initialInterval: 'PT1S', backoff: 2, maxInterval: 'PT1M' };

/** Retry policy and timeout, which any node that runs something may have. */
export function ReliabilityFields({ editor }: { editor: NodeEditor }) {
  const { node, update, readOnly } = editor;
  const retry = (typeof node.retry === 'object' && node.retry !== null ? node.retry : undefined) as Partial<RetryPolicy> | undefined;
  const setRetry = (patch: Partial<RetryPolicy>) => update({ retry: { ...retry, ...patch } });
  const numberInput = (key: 'maxAttempts' | 'backoff', min: number, max: number, step: number) => (id: string) => (
    <input
      id={id}
      type="number"
      min={min}
      max={max}
      step={step}
      value={retry?.[key] ?? ''}
      readOnly={readOnly}
      onChange={(e) => setRetry({ [key]: Number.isNaN(e.target.valueAsNumber) ? undefined : e.target.valueAsNumber })}
    />
  );
  return (
    <fieldset className={styles.group}>
      <legend>Reliability</legend>
      <TextField
        label="Timeout (ISO 8601)"
        optional
        value={text(node.timeout)}
        onChange={(timeout) => update({ timeout })}
        placeholder="none, e.g. PT30S"
        problems={editor.problemsAt('timeout')}
        hint="Longest the node may run before it fails (to its error port, if connected)."
        readOnly={readOnly}
      />
      <label className={styles.checkbox}>
        <input type="checkbox" checked={retry !== undefined} disabled={readOnly} onChange={(e) => update({ retry: e.target.checked ? DEFAULT_RETRY : undefined })} />
        Retry on failure
      </label>
      {retry && (
        <>
          <Field label="Attempts at most" problems={editor.problemsAt('retry.maxAttempts')}>{numberInput('maxAttempts', 1, 100, 1)}</Field>
          <TextField label="First interval" value={retry.initialInterval} onChange={(v) => setRetry({ initialInterval: v ?? '' })} problems={editor.problemsAt('retry.initialInterval')} readOnly={readOnly} />
          <Field label="Backoff factor" problems={editor.problemsAt('retry.backoff')}>{numberInput('backoff', 1, 10, 0.5)}</Field>
          <TextField label="Longest interval" value={retry.maxInterval} onChange={(v) => setRetry({ maxInterval: v ?? '' })} problems={editor.problemsAt('retry.maxInterval')} readOnly={readOnly} />
        </>
      )}
      {editor.problemsAt('retry').filter((p) => p.field === 'retry').map((p, i) => <p key={i} className={styles.fieldProblem}>{p.message}</p>)}
    </fieldset>
  );
}
