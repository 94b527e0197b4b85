import type { Metadata } from 'next';
import Link from 'next/link';
import { AppShell } from '@/components/app-shell';
import { DateTime } from '@/components/date-time';
import { recentNotifications } from '@/server/mailboxes';
import { requireSession } from '@/server/session';
import { markAllRead } from './actions';

export const metadata: Metadata = { title: 'Inbox' };
export const dynamic = 'force-dynamic';


/** The in-app notifications workflows sent (notification.send), newest first. */
export default async function InboxPage() {
  const session = await requireSession();
  const notifications = await recentNotifications(session.tenantId);
  const unread = notifications.filter((n) => !n.readAt).length;

  return (
    <AppShell session={session}>
      <h1>Inbox</h1>
      <div className="card">
        {notifications.length === 0 ? (
          <p className="muted">No notifications yet. Workflows send them with the notification.send action.</p>
        ) : (
          <>
            <form action={markAllRead}>
              <span className="muted">{unread} unread</span> {unread > 0 && <button type="submit">Mark all read</button>}
            </form>
            <table data-testid="inbox">
              <thead><tr><th>Received</th><th>For</th><th>Title</th><th>Message</th><th /></tr></thead>
              <tbody>
                {notifications.map((n) => (
                  <tr key={n.id} data-testid="notification" style={n.readAt ? undefined : { fontWeight: 600 }}>
                    <td><DateTime value={n.createdAt} /></td>
                    <td>{n.recipient}</td>
                    <td>{n.link ? <a href={n.link}>{n.title}</a> : n.title}</td>
                    <td>{n.body}</td>
                    <td>{n.runId && <Link href={`/runs/${n.runId}`}>run</Link>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </AppShell>
  );
}
