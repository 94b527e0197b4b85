'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { parseWorkflowJson, uniqueName } from '@/designer/workflow-json';
import { createWorkflow } from '../api';
import { readWorkflowFile } from '../editing/workflow-file';
import styles from './list.module.css';

/**
 * Creates a workflow from an exported file or pasted JSON and opens it. The JSON is checked before
 * anything is sent, and a name already in use gets a number, so an import never overwrites.
 */
export function ImportWorkflow({ takenNames }: { takenNames: readonly string[] }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function importText(json: string) {
    const parsed = parseWorkflowJson(json);
    if (!parsed.ok) return setError(parsed.error);
    setPending(true);
    const name = uniqueName(parsed.definition.name, takenNames);
    const created = await createWorkflow(name, { ...parsed.definition, name });
    setPending(false);
    if (!created.ok) return setError(created.message);
    router.push(`/workflows/${created.value.id}`);
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    const read = await readWorkflowFile(file);
    if (!read.ok) return setError(read.error);
    setText(read.text);
    await importText(read.text);
  }

  return (
    <>
      <button type="button" className={styles.secondary} onClick={() => dialog.current?.showModal()}>
        Import…
      </button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby="import-title" data-testid="import-workflow">
        <h2 id="import-title">Import a workflow</h2>
        <p className="muted">Choose an exported <code>.workflow.json</code> file, or paste its JSON below.</p>
        <label>
          File <input type="file" accept="application/json,.json" data-testid="import-workflow-file" onChange={(e) => void importFile(e.target.files?.[0])} />
        </label>
        <label>
          JSON
          <textarea value={text} onChange={(e) => setText(e.target.value)} aria-label="Workflow JSON to import" spellCheck={false} />
        </label>
        {error && <p role="alert" className="error" data-testid="import-error">{error}</p>}
        <div className={styles.actions}>
          <button type="button" className={styles.secondary} onClick={() => dialog.current?.close()}>Cancel</button>
          <button type="button" disabled={pending || text.trim() === ''} onClick={() => void importText(text)}>
            {pending ? 'Importing…' : 'Import'}
          </button>
        </div>
      </dialog>
    </>
  );
}
