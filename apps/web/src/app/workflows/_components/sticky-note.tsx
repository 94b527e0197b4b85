'use client';

import type { NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { removeNotes, updateNoteText } from '@/designer/notes';
import { useDesigner } from './designer-context';
import styles from './designer.module.css';
import type { NoteFlowNode } from './use-flow-elements';

/**
 * A sticky note on the canvas. Its text is written to the definition when the note loses focus, so
 * a note typed is one edit rather than one per key; it is dragged by its header.
 */
export const StickyNoteCard = memo(function StickyNoteCard({ data: { note } }: NodeProps<NoteFlowNode>) {
  const { dispatch, readOnly } = useDesigner();
  const [text, setText] = useState(note.text);
  const [shown, setShown] = useState(note.text);
  // The stored text changed under the note (undo, a replaced draft): show that instead.
  if (note.text !== shown) {
    setShown(note.text);
    setText(note.text);
  }
  return (
    <div className={styles.stickyNote} data-testid={`note-${note.id}`} style={{ width: note.width ?? 220, height: note.height ?? 120 }}>
      <div className={styles.stickyNoteHeader}>
        <span>Note</span>
        {!readOnly && (
          <button type="button" className={`${styles.stickyNoteRemove} nodrag`} aria-label={`Remove note ${note.id}`} onClick={() => dispatch({ type: 'edit', apply: (d) => removeNotes(d, [note.id]) })}>
            ×
          </button>
        )}
      </div>
      <textarea
        className="nodrag nowheel"
        aria-label={`Note ${note.id}`}
        value={text}
        readOnly={readOnly}
        placeholder="Write a note for the workflow’s readers"
        onChange={(event) => setText(event.target.value)}
        onBlur={() => text !== note.text && dispatch({ type: 'edit', apply: (d) => updateNoteText(d, note.id, text) })}
      />
    </div>
  );
});
