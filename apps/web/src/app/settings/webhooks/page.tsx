import { WEBHOOK_EVENT_TYPES } from '@cascade/db';
import type { Metadata } from 'next';
import { AppShell } from '@/components/app-shell';
import { requireSession } from '@/server/session';
import { WebhooksPanel } from './webhooks-panel';

export const metadata: Metadata = { title: 'Webhooks' };
export const dynamic = 'force-dynamic';

export default async function WebhooksPage() {
  const session = await requireSession();
  return (
    <AppShell session={session}>
      <h1>Webhooks</h1>
      <p className="muted">
        Cascade POSTs its own events (a run started, completed or failed, an event dead-lettered, an approval requested) to
        the URLs you subscribe, signed with <code>Cascade-Signature: t=…,v1=…</code> (see the API docs). A failed delivery is
        retried with growing waits and dead-lettered after 5 attempts; replay it from here once the receiver is fixed.
      </p>
      {session.role === 'ADMIN' ? <WebhooksPanel eventTypes={[...WEBHOOK_EVENT_TYPES]} /> : <p role="alert">Only admins manage webhooks.</p>}
    </AppShell>
  );
}
