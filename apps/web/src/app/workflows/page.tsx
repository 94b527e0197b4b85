import type { Metadata } from 'next';
import Link from 'next/link';
import { AppShell } from '@/components/app-shell';
import { DateTime } from '@/components/date-time';
import { requireSession } from '@/server/session';
import { NewWorkflowForm } from './_components/new-workflow-form';
import { eventCatalogFor, listWorkflowsOf } from './_server/workflow-pages';

export const metadata: Metadata = { title: 'Workflows' };
export const dynamic = 'force-dynamic';

export default async function WorkflowsPage() {
  const session = await requireSession();
  const [workflows, { options }] = await Promise.all([listWorkflowsOf(session.tenantId), eventCatalogFor(session.tenantId)]);
  return (
    <AppShell session={session}>
      <h1>Workflows</h1>
      <p className="muted">
        A workflow starts when its trigger event arrives. Draw it in the designer, then publish it: each publish is a new,
        immutable version, and runs keep the version they started with.
      </p>
      <NewWorkflowForm events={options} />
      <div className="card">
        {workflows.length === 0 ? (
          <p className="muted">No workflows yet.</p>
        ) : (
          <table data-testid="workflow-list">
            <thead>
              <tr><th>Name</th><th>Enabled</th><th>Published</th><th>Updated</th></tr>
            </thead>
            <tbody>
              {workflows.map((workflow) => (
                <tr key={workflow.id} data-testid="workflow-row">
                  <td><Link href={`/workflows/${workflow.id}`}>{workflow.name}</Link></td>
                  <td className={workflow.enabled ? 'status-ok' : 'muted'}>{workflow.enabled ? 'enabled' : 'disabled'}</td>
                  <td>{workflow.latestVersion === null ? <span className="muted">draft only</span> : `version ${workflow.latestVersion}`}</td>
                  <td><DateTime value={workflow.updatedAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </AppShell>
  );
}
