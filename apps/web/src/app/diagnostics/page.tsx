import type { Metadata } from 'next';
import { AppShell } from '@/components/app-shell';
import { requireSession } from '@/server/session';
import { RoundtripPanel } from './roundtrip-panel';

export const metadata: Metadata = { title: 'Diagnostics' };
export const dynamic = 'force-dynamic';

export default async function DiagnosticsPage() {
  const session = await requireSession();
  return (
    <AppShell session={session}>
      <h1>Diagnostics</h1>
      <p className="muted">
        A roundtrip goes from the API to Temporal, runs on the worker, and is marked complete in PostgreSQL by an
        activity. A trip that stays pending means one of those pieces is not answering; see <a href="/api/ready">/api/ready</a>.
      </p>
      <RoundtripPanel />
    </AppShell>
  );
}
