import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AppShell } from '@/components/app-shell';
import { HttpError } from '@/server/http/problem';
import { findWorkflow } from '@/server/routes/workflows';
import { requireSession } from '@/server/session';
import { Designer } from '../_components/designer';
import { eventCatalogFor, publishedWorkflowsOf, remoteActionsOf } from '../_server/workflow-pages';

export const metadata: Metadata = { title: 'Workflow designer' };
export const dynamic = 'force-dynamic';

export default async function WorkflowDesignerPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireSession();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const workflow = await findWorkflow(session.tenantId, id.data).catch((error: unknown) => {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  });
  const [{ options, customEvents }, published, remoteActions] = await Promise.all([
    eventCatalogFor(session.tenantId),
    publishedWorkflowsOf(session.tenantId),
    remoteActionsOf(session.tenantId),
  ]);
  return (
    <AppShell session={session}>
      <p>
        <Link href="/workflows">← Workflows</Link> · <Link href={`/runs?workflow=${workflow.id}`} data-testid="workflow-runs-link">Runs of this workflow</Link>
      </p>
      <Designer
        workflow={{ id: workflow.id, name: workflow.name, enabled: workflow.enabled, latestVersion: workflow.versions[0]?.version ?? null }}
        draft={workflow.draft}
        events={options}
        customEvents={customEvents}
        workflows={published.filter((w) => w.id !== workflow.id)}
        remoteActions={remoteActions}
        readOnly={session.role === 'VIEWER'}
        template={
          workflow.templateKey !== null && workflow.templateVersion !== null
            ? {
                key: workflow.templateKey,
                name: workflow.template?.name ?? workflow.templateKey,
                version: workflow.templateVersion,
                latestVersion: workflow.template?.latestVersion ?? null,
              }
            : null
        }
      />
    </AppShell>
  );
}
