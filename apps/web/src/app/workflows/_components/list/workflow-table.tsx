'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { DateTime } from '@/components/date-time';
import { readDraft } from '@/designer/draft';
import { exportFileName, uniqueName, workflowJson } from '@/designer/workflow-json';
import type { WorkflowListRow } from '../../_server/workflow-list';
import { createWorkflow, deleteWorkflow, getWorkflowDraft } from '../api';
import { downloadText } from '../editing/workflow-file';
import { ImportWorkflow } from './import-workflow';
import styles from './list.module.css';

/** The workflows list: searchable, with each workflow's trigger, state and last run, and export, duplicate and delete. */
export function WorkflowTable({ workflows, readOnly }: { workflows: WorkflowListRow[]; readOnly: boolean }) {
  const router = useRouter();
  const [query, setQuery] = useState('');
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const names = useMemo(() => workflows.map((workflow) => workflow.name), [workflows]);
  const needle = query.trim().toLowerCase();
  const shown = needle ? workflows.filter((w) => w.name.toLowerCase().includes(needle) || (w.trigger ?? '').toLowerCase().includes(needle)) : workflows;

  /** Runs one row action, showing why it failed; the page is refreshed after a change. */
  async function act(id: string, action: () => Promise<string | undefined>) {
    setBusy(id);
    setFailure(await action());
    setBusy(undefined);
  }
  const draftOf = async (id: string) => {
    const loaded = await getWorkflowDraft(id);
    return loaded.ok ? { ok: true as const, definition: readDraft(loaded.value.draft, loaded.value.name).definition } : loaded;
  };
  const exportOne = (id: string) =>
    act(id, async () => {
      const loaded = await draftOf(id);
      if (!loaded.ok) return loaded.message;
      downloadText(exportFileName(loaded.definition.name), workflowJson(loaded.definition));
    });
  const duplicate = (row: WorkflowListRow) =>
    act(row.id, async () => {
      const loaded = await draftOf(row.id);
      if (!loaded.ok) return loaded.message;
      const name = uniqueName(`${row.name} (copy)`, names);
      const created = await createWorkflow(name, { ...loaded.definition, name });
      if (!created.ok) return created.message;
      router.refresh();
    });
  const remove = (row: WorkflowListRow) =>
    act(row.id, async () => {
      if (!window.confirm(`Delete "${row.name}" with its published versions and run history? This cannot be undone.`)) return;
      const deleted = await deleteWorkflow(row.id);
      if (!deleted.ok) return deleted.message;
      router.refresh();
    });

  return (
    <div className="card">
      <div className={styles.tools}>
        <input type="search" placeholder="Search by name or trigger event" aria-label="Search workflows" value={query} onChange={(e) => setQuery(e.target.value)} />
        {!readOnly && <ImportWorkflow takenNames={names} />}
      </div>
      {failure && <p role="alert" className="error" data-testid="workflow-list-error">{failure}</p>}
      {workflows.length === 0 ? (
        <p className="muted">No workflows yet.</p>
      ) : shown.length === 0 ? (
        <p className="muted">No workflow matches “{query}”.</p>
      ) : (
        <table data-testid="workflow-list">
          <thead>
            <tr><th>Name</th><th>Trigger</th><th>Status</th><th>Last run</th><th>Updated</th><th aria-label="Actions" /></tr>
          </thead>
          <tbody>
            {shown.map((workflow) => (
              <tr key={workflow.id} data-testid="workflow-row">
                <td><Link href={`/workflows/${workflow.id}`}>{workflow.name}</Link></td>
                <td>{workflow.trigger ? <code>{workflow.trigger}</code> : <span className="muted">none</span>}</td>
                <td>
                  <span className={workflow.enabled ? 'status-ok' : 'muted'}>{workflow.enabled ? 'enabled' : 'disabled'}</span>
                  {' · '}
                  {workflow.latestVersion === null ? <span className="muted">draft only</span> : `version ${workflow.latestVersion}`}
                </td>
                <td>
                  {workflow.lastRun ? (
                    <Link href={`/runs/${workflow.lastRun.id}`}>
                      {workflow.lastRun.status.toLowerCase()}, <DateTime value={workflow.lastRun.startedAt} />
                    </Link>
                  ) : (
                    <span className="muted">never run</span>
                  )}
                </td>
                <td><DateTime value={workflow.updatedAt} /></td>
                <td className={styles.rowActions}>
                  <button type="button" className={styles.secondary} disabled={busy === workflow.id} onClick={() => void exportOne(workflow.id)} aria-label={`Export ${workflow.name}`}>Export</button>
                  {!readOnly && (
                    <>
                      <button type="button" className={styles.secondary} disabled={busy === workflow.id} onClick={() => void duplicate(workflow)} aria-label={`Duplicate ${workflow.name}`}>Duplicate</button>
                      <button type="button" className={styles.secondary} disabled={busy === workflow.id} onClick={() => void remove(workflow)} aria-label={`Delete ${workflow.name}`}>Delete</button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
