'use client';

import { useEffect, useRef } from 'react';
import { SHORTCUTS } from '@/designer/shortcuts';
import styles from './editing.module.css';

/** The sheet `?` opens: every keyboard shortcut of the designer. */
export function ShortcutSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);
  return (
    <dialog ref={dialog} className={styles.dialog} onClose={onClose} aria-labelledby="shortcut-sheet-title" data-testid="shortcut-sheet">
      <h2 id="shortcut-sheet-title">Keyboard shortcuts</h2>
      <table className={styles.shortcuts}>
        <tbody>
          {SHORTCUTS.map(({ keys, does }) => (
            <tr key={does}>
              <td>{keys.map((key) => <kbd key={key}>{key}</kbd>)}</td>
              <td>{does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">On a Mac, ⌘ works wherever Ctrl is listed.</p>
      <div className={styles.actions}>
        <button type="button" onClick={onClose}>Close</button>
      </div>
    </dialog>
  );
}
