import type { Metadata } from 'next';
import Link from 'next/link';
import { AppShell } from '@/components/app-shell';
import { DateTime } from '@/components/date-time';
import { recentCapturedEmails } from '@/server/mailboxes';
import { requireSession } from '@/server/session';

export const metadata: Metadata = { title: 'Outbox' };
export const dynamic = 'force-dynamic';


/** The mail the tenant's workflows sent, as the development capture server received it. */
export default async function OutboxPage() {
  const session = await requireSession();
  const emails = await recentCapturedEmails(session.tenantId);

  return (
    <AppShell session={session}>
      <h1>Outbox</h1>
      <p className="muted">Mail sent by your workflows and captured instead of delivered (the newest 100).</p>
      <div className="card">
        {emails.length === 0 ? (
          <p className="muted">No mail yet. When a workflow runs an email.send action, the message appears here.</p>
        ) : (
          <table data-testid="outbox">
            <thead>
              <tr><th>Received</th><th>From</th><th>To</th><th>Subject</th></tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id.toString()} data-testid="outbox-row">
                  <td><DateTime value={email.receivedAt} /></td>
                  <td>{email.from}</td>
                  <td>{email.to.join(', ')}</td>
                  <td><Link href={`/outbox/${email.id}`}>{email.subject || '(no subject)'}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </AppShell>
  );
}
