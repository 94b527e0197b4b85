import { isUuid } from '@cascade/catalog';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AppShell } from '@/components/app-shell';
import { HttpError } from '@/server/http/problem';
import { stepPage } from '@/server/routes/runs';
import { loadRunView } from '@/server/run-view/run-view';
import { requireSession } from '@/server/session';
import { RunLiveView } from './run-live-view';
import { TABLE_STEPS } from './table-steps';

export const metadata: Metadata = { title: 'Run' };
export const dynamic = 'force-dynamic';

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireSession();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const view = await loadRunView(session.tenantId, id).catch((error: unknown) => {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  });
  const firstSteps = await stepPage(view.run.id, TABLE_STEPS);
  return (
    <AppShell session={session}>
      <p><Link href="/runs">← Runs</Link></p>
      <RunLiveView initial={view} firstSteps={firstSteps} />
    </AppShell>
  );
}
