'use client';

import { useCallback, useEffect, useState, type Dispatch } from 'react';
import type { DesignerAction, DesignerState } from '@/designer/store';
import { listVersions, publishWorkflow, saveWorkflow, type VersionInfo, type WorkflowInfo } from './api';

export type Status = { kind: 'idle' } | { kind: 'busy'; message: string } | { kind: 'done'; message: string } | { kind: 'failed'; message: string };

/** Saving, publishing and enabling the workflow, and its published versions. */
export function useWorkflowApi(workflow: WorkflowInfo, state: DesignerState, dirty: boolean, dispatch: Dispatch<DesignerAction>) {
  const [enabled, setEnabled] = useState(workflow.enabled);
  const [versions, setVersions] = useState<VersionInfo[]>();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const refreshVersions = useCallback(async () => {
    const result = await listVersions(workflow.id);
    if (result.ok) setVersions(result.value.items);
    else setStatus({ kind: 'failed', message: result.message });
  }, [workflow.id]);
  useEffect(() => void refreshVersions(), [refreshVersions]);

  async function save(): Promise<boolean> {
    const { definition } = state;
    setStatus({ kind: 'busy', message: 'Saving…' });
    // The workflow's name lives in the definition and on the workflow; they are saved together.
    const result = await saveWorkflow(workflow.id, { name: definition.name, definition });
    if (!result.ok) {
      setStatus({ kind: 'failed', message: result.message });
      return false;
    }
    dispatch({ type: 'saved', definition });
    setStatus({ kind: 'done', message: 'Saved' });
    return true;
  }

  /** The server validates the stored draft, so unsaved changes are saved first. */
  async function publish(): Promise<void> {
    if (dirty && !(await save())) return;
    setStatus({ kind: 'busy', message: 'Publishing…' });
    const result = await publishWorkflow(workflow.id);
    if (!result.ok) {
      if (result.problems.length > 0) dispatch({ type: 'publishRefused', problems: result.problems });
      setStatus({ kind: 'failed', message: result.message });
      return;
    }
    setStatus({ kind: 'done', message: `Published version ${result.value.version}` });
    await refreshVersions();
  }

  async function toggleEnabled(): Promise<void> {
    setStatus({ kind: 'busy', message: enabled ? 'Disabling…' : 'Enabling…' });
    const result = await saveWorkflow(workflow.id, { enabled: !enabled });
    if (!result.ok) return setStatus({ kind: 'failed', message: result.message });
    setEnabled(result.value.enabled);
    setStatus({ kind: 'done', message: result.value.enabled ? 'Enabled: its published trigger starts runs' : 'Disabled: no new runs start' });
  }

  return { enabled, versions, status, save, publish, toggleEnabled };
}
