import type { Metadata } from 'next';
import { AppShell } from '@/components/app-shell';
import { requireSession } from '@/server/session';
import { WorkflowTable } from './_components/list/workflow-table';
import { NewWorkflowForm } from './_components/new-workflow-form';
import { listWorkflowsOf } from './_server/workflow-list';
import { eventCatalogFor } from './_server/workflow-pages';

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
      <WorkflowTable workflows={workflows} readOnly={session.role === 'VIEWER'} />
    </AppShell>
  );
}
