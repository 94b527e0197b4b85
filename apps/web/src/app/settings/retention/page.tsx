import type { Metadata } from 'next';
import { AppShell } from '@/components/app-shell';
import { db } from '@/server/services';
import { requireSession } from '@/server/session';
import { RetentionForm } from './retention-form';

export const metadata: Metadata = { title: 'Retention' };
export const dynamic = 'force-dynamic';

export default async function RetentionPage() {
  const session = await requireSession();
  const stored = session.role === 'ADMIN' ? await db().tenantRetention.findUnique({ where: { tenantId: session.tenantId } }) : null;
  return (
    <AppShell session={session}>
      <h1>Retention</h1>
      <p className="muted">
        How long this tenant keeps its event log and the history of finished runs. The worker writes what is older to its
        archive (gzip&apos;d JSON lines, a file per day) and then deletes it, in small batches. An event a running or failed (retriable) run, an open
        wait, a pending dispatch or an unreplayed dead letter still needs is kept, however old. A deleted event&apos;s id is
        remembered, so an event sent again with it is still answered as a duplicate and starts nothing. Leave a field empty to keep for ever.
      </p>
      {session.role === 'ADMIN' ? (
        <RetentionForm initial={{ eventLogDays: stored?.eventLogDays ?? null, runHistoryDays: stored?.runHistoryDays ?? null }} />
      ) : (
        <p role="alert">Only admins change retention.</p>
      )}
    </AppShell>
  );
}
