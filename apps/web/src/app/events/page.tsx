import type { Metadata } from 'next';
import Link from 'next/link';
import { AppShell } from '@/components/app-shell';
import { DateTime } from '@/components/date-time';
import { countMatchingDeadLetters, DISPATCH_STATUSES, findEvents } from '@/server/event-log';
import { requireSession } from '@/server/session';
import { ReplayDeadLetters } from './replay-dead-letters';

export const metadata: Metadata = { title: 'Event log' };
export const dynamic = 'force-dynamic';

export default async function EventLogPage({
  searchParams,
}: {
  searchParams: Promise<{ type?: string; correlationId?: string; status?: string }>;
}) {
  const session = await requireSession();
  const filters = await searchParams;
  const status = DISPATCH_STATUSES.find((s) => s === filters.status);
  const matching = { type: filters.type || undefined, correlationId: filters.correlationId || undefined };
  const events = await findEvents(session.tenantId, { ...matching, status }, 100);
  const deadLetters = status === 'DEAD' ? await countMatchingDeadLetters(session.tenantId, matching) : 0;

  return (
    <AppShell session={session}>
      <h1>Event log</h1>
      <form className="card" role="search" style={{ display: 'flex', gap: 8 }}>
        <input name="type" defaultValue={filters.type} aria-label="Event type" placeholder="Event type" />
        <input name="correlationId" defaultValue={filters.correlationId} aria-label="Correlation id" placeholder="Correlation id" />
        <select name="status" defaultValue={status ?? ''} aria-label="Dispatch status">
          <option value="">Any status</option>
          {DISPATCH_STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <button type="submit">Filter</button>
      </form>
      {status === 'DEAD' && <ReplayDeadLetters count={deadLetters} filter={matching} />}
      <div className="card">
        {events.length === 0 ? (
          <p className="muted">No events match.</p>
        ) : (
          <table data-testid="event-log">
            <thead>
              <tr><th>Received</th><th>Type</th><th>Source</th><th>Correlation</th><th>Dispatch</th></tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id} data-testid="event-row">
                  <td><DateTime value={event.receivedAt} /></td>
                  <td>
                    <Link href={`/events/${event.id}`}><code>{event.type}</code></Link> v{event.version}
                  </td>
                  <td>{event.source}</td>
                  <td><code>{event.correlationId ?? '—'}</code></td>
                  <td className={event.dispatch?.status === 'DEAD' ? 'status-bad' : undefined}>
                    {event.dispatch?.status ?? '—'}
                    {event.dispatch?.lastError ? ` · ${event.dispatch.lastError}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </AppShell>
  );
}
