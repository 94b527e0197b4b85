'use client';

import styles from './designer.module.css';
import type { Status } from './use-workflow-api';

interface ToolbarProps {
  name: string;
  dirty: boolean;
  enabled: boolean;
  latestVersion: number | null;
  status: Status;
  readOnly: boolean;
  onSave: () => void;
  onPublish: () => void;
  onToggleEnabled: () => void;
  onTestRun: () => void;
}

export function Toolbar({ name, dirty, enabled, latestVersion, status, readOnly, onSave, onPublish, onToggleEnabled, onTestRun }: ToolbarProps) {
  const busy = status.kind === 'busy';
  return (
    <header className={styles.toolbar}>
      <h1 className={styles.title}>{name}</h1>
      <span className={dirty ? styles.unsaved : 'muted'} data-testid="save-state">
        {dirty ? 'Unsaved changes' : 'All changes saved'}
      </span>
      <span className="muted">{latestVersion === null ? 'never published' : `published version ${latestVersion}`}</span>
      <span className={styles.spacer} />
      {status.kind !== 'idle' && (
        <span role={status.kind === 'failed' ? 'alert' : 'status'} className={status.kind === 'failed' ? 'error' : 'muted'} data-testid="designer-status">
          {status.message}
        </span>
      )}
      <label className={styles.checkbox}>
        <input type="checkbox" checked={enabled} onChange={onToggleEnabled} disabled={busy || readOnly} />
        Enabled
      </label>
      <button type="button" className={styles.secondary} onClick={onSave} disabled={busy || readOnly || !dirty}>
        Save draft
      </button>
      <button type="button" className={styles.secondary} onClick={onTestRun} disabled={busy || readOnly} data-testid="test-run-open">
        Test run
      </button>
      <button type="button" onClick={onPublish} disabled={busy || readOnly}>
        Publish
      </button>
    </header>
  );
}
