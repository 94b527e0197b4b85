'use client';

import { useRef, useState, type Dispatch } from 'react';
import type { DraftDefinition } from '@/designer/draft';
import { canRedo, canUndo, type DesignerAction, type DesignerState } from '@/designer/store';
import { exportFileName, workflowJson } from '@/designer/workflow-json';
import styles from './editing.module.css';
import { JsonView } from './json-view';
import { downloadText, readWorkflowFile } from './workflow-file';

interface EditingBarProps {
  state: DesignerState;
  dispatch: Dispatch<DesignerAction>;
  readOnly: boolean;
  onShowShortcuts: () => void;
}

/**
 * Undo and redo, the JSON view, import and export. An imported file opens in the JSON view, so it
 * is checked and seen before it replaces the draft, as one step that undo takes back.
 */
export function EditingBar({ state, dispatch, readOnly, onShowShortcuts }: EditingBarProps) {
  const [jsonText, setJsonText] = useState<string | undefined>(undefined);
  const [importError, setImportError] = useState<string | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  const draftText = () => workflowJson(state.definition);

  const apply = (definition: DraftDefinition) => {
    dispatch({ type: 'edit', apply: () => definition });
    setJsonText(undefined);
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const read = await readWorkflowFile(file);
    setImportError(read.ok ? undefined : read.error);
    if (read.ok) setJsonText(read.text);
  };

  return (
    <div className={styles.bar} role="toolbar" aria-label="Editing">
      <button type="button" className={styles.secondary} onClick={() => dispatch({ type: 'undo' })} disabled={readOnly || !canUndo(state)} title="Undo (Ctrl Z)">
        Undo
      </button>
      <button type="button" className={styles.secondary} onClick={() => dispatch({ type: 'redo' })} disabled={readOnly || !canRedo(state)} title="Redo (Ctrl Shift Z)">
        Redo
      </button>
      <button type="button" className={styles.secondary} onClick={() => setJsonText(draftText())}>
        JSON
      </button>
      <button type="button" className={styles.secondary} onClick={() => downloadText(exportFileName(state.definition.name), draftText())}>
        Export
      </button>
      {!readOnly && (
        <button type="button" className={styles.secondary} onClick={() => fileInput.current?.click()}>
          Import
        </button>
      )}
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="import-file"
        onChange={(event) => {
          void importFile(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      <button type="button" className={styles.secondary} onClick={onShowShortcuts} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        ?
      </button>
      {importError && <span role="alert" className="error">{importError}</span>}
      {jsonText !== undefined && (
        <JsonView text={jsonText} draftText={draftText()} readOnly={readOnly} onApply={apply} onClose={() => setJsonText(undefined)} />
      )}
    </div>
  );
}
