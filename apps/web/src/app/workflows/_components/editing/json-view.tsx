'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { JsonEditor } from '@/components/json-editor';
import type { DraftDefinition } from '@/designer/draft';
import { parseWorkflowJson } from '@/designer/workflow-json';
import styles from './editing.module.css';

interface JsonViewProps {
  /** The text the editor opens with: the draft as JSON, or an imported file's content. */
  text: string;
  /** The draft as JSON: Apply is offered once the text differs from it. */
  draftText: string;
  readOnly: boolean;
  onApply: (definition: DraftDefinition) => void;
  onClose: () => void;
}

/**
 * The draft as JSON, read and edited in CodeMirror. Every change is checked as the designer would
 * check an imported file; the draft is replaced only by Apply, and only with a workflow that passed.
 */
export function JsonView({ text, draftText, readOnly, onApply, onClose }: JsonViewProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [current, setCurrent] = useState(text);
  // Checking a large draft on every keystroke would lag typing; a short pause is imperceptible.
  const checked = useDebounced(current, 150);
  const parsed = useMemo(() => parseWorkflowJson(checked), [checked]);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const pending = checked !== current;
  return (
    <dialog ref={dialog} className={styles.dialog} onClose={onClose} aria-labelledby="json-view-title" data-testid="json-view" style={{ width: 'min(960px, 94vw)' }}>
      <h2 id="json-view-title">Workflow JSON</h2>
      <JsonEditor text={text} label="Workflow JSON" onChange={setCurrent} readOnly={readOnly} autoFocus className={styles.editor} />
      <div className={styles.actions}>
        <span role="status" aria-live="polite" className={parsed.ok ? styles.valid : styles.invalid} data-testid="json-state">
          {pending ? 'Checking…' : parsed.ok ? 'Valid workflow JSON' : parsed.error}
        </span>
        <span className={styles.spacer} />
        <button type="button" className={styles.secondary} onClick={onClose}>
          {readOnly ? 'Close' : 'Cancel'}
        </button>
        {!readOnly && (
          <button type="button" disabled={pending || !parsed.ok || current === draftText} onClick={() => parsed.ok && onApply(parsed.definition)}>
            Apply
          </button>
        )}
      </div>
    </dialog>
  );
}

function useDebounced<Value>(value: Value, ms: number): Value {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
