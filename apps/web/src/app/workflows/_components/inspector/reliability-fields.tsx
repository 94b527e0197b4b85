'use client';

import { isNodeType, nodeTypes } from '@cascade/workflow';
import styles from '../designer.module.css';
import { DurationField } from './duration-field';
import { Field } from './field';
import { text, type NodeEditor } from './node-editor';

interface RetryPolicy {
  maxAttempts: number;
  initialInterval: string;
  backoff: number;
  maxInterval: string;
}

/** What "Retry on failure" starts with: three attempts, one second apart, doubling. */
const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, initialInterval: 'PT1S', backoff: 2, maxInterval: 'PT1M' };

/** What a type's own timeout does (waitForEvent, approval: it leads to their `timeout` port), or undefined. */
const ownTimeoutOf = (type: string) => (isNodeType(type) ? nodeTypes[type].designer.ownTimeout : undefined);

/** The timeout of a type that has one of its own, with the help its type gives; ReliabilityFields then leaves it out. */
export function OwnTimeoutField({ editor }: { editor: NodeEditor }) {
  const { node, update, readOnly } = editor;
  return (
    <DurationField
      label="Timeout"
      value={text(node.timeout)}
      onChange={(timeout) => update({ timeout: timeout ?? '' })}
      problems={editor.problemsAt('timeout')}
      hint={ownTimeoutOf(node.type)}
      readOnly={readOnly}
    />
  );
}

/**
 * Retry policy and timeout, which any node that runs something may have. A type with a timeout of
 * its own (waitForEvent, approval) shows that one among its fields: the stored node has one
 * `timeout`, so offering it here too would show one value twice, with two meanings.
 */
export function ReliabilityFields({ editor }: { editor: NodeEditor }) {
  const { node, update, readOnly } = editor;
  const ownTimeout = ownTimeoutOf(node.type) !== undefined;
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
      {!ownTimeout && (
        <DurationField
          label="Timeout"
          optional
          value={text(node.timeout)}
          onChange={(timeout) => update({ timeout })}
          problems={editor.problemsAt('timeout')}
          hint="Longest the node may run before it fails (to its error port, if connected)."
          readOnly={readOnly}
        />
      )}
      <label className={styles.checkbox}>
        <input type="checkbox" checked={retry !== undefined} disabled={readOnly} onChange={(e) => update({ retry: e.target.checked ? DEFAULT_RETRY : undefined })} />
        Retry on failure
      </label>
      {retry && (
        <>
          <Field label="Attempts at most" problems={editor.problemsAt('retry.maxAttempts')}>{numberInput('maxAttempts', 1, 100, 1)}</Field>
          <DurationField label="First interval" value={retry.initialInterval} onChange={(v) => setRetry({ initialInterval: v ?? '' })} problems={editor.problemsAt('retry.initialInterval')} readOnly={readOnly} />
          <Field label="Backoff factor" problems={editor.problemsAt('retry.backoff')}>{numberInput('backoff', 1, 10, 0.5)}</Field>
          <DurationField label="Longest interval" value={retry.maxInterval} onChange={(v) => setRetry({ maxInterval: v ?? '' })} problems={editor.problemsAt('retry.maxInterval')} readOnly={readOnly} />
        </>
      )}
      {editor.problemsAt('retry').filter((p) => p.field === 'retry').map((p, i) => <p key={i} className={styles.fieldProblem}>{p.message}</p>)}
    </fieldset>
  );
}
