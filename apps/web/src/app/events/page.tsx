import { isUuid } from '@cascade/catalog';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AppShell } from '@/components/app-shell';
import { DateTime } from '@/components/date-time';
import { countMatchingDeadLetters, DISPATCH_STATUSES, findEvents, type EventLogFilter } from '@/server/event-log';
import { requireSession } from '@/server/session';
import { IgnoredParams, ListPager } from '../_lists/list-pager';
import { ListFilters } from '../_lists/list-filters';
import { afterCursor, PAGE_SIZE, pageOfRows, readListQuery, type SearchParams } from '../_lists/list-query';
import { ReplayDeadLetters } from './replay-dead-letters';

export const metadata: Metadata = { title: 'Event log' };
export const dynamic = 'force-dynamic';

export default async function EventLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requireSession();
  const query = readListQuery(await searchParams, ['q', 'type', 'correlationId', 'status']);
  const { params, ignored } = query;
  const matching = { type: params.type, correlationId: params.correlationId };
  const filter: EventLogFilter = { ...matching, from: query.from, to: query.to };
  if (params.q) {
    if (isUuid(params.q)) filter.id = params.q;
    else ignored.push('search (a whole event id, a UUID)');
  }
  if (params.status) {
    filter.status = DISPATCH_STATUSES.find((s) => s === params.status);
    if (!filter.status) ignored.push(`status (one of ${DISPATCH_STATUSES.join(', ')})`);
  }
  const after = afterCursor(query, 'receivedAt');
  const page = pageOfRows(await findEvents(session.tenantId, filter, PAGE_SIZE + 1, after, query.order), (event) => event.receivedAt);
  const deadLetters = filter.status === 'DEAD' ? await countMatchingDeadLetters(session.tenantId, matching) : 0;

  return (
    <AppShell session={session}>
      <h1>{filter.status === 'DEAD' ? 'Dead letters' : 'Event log'}</h1>
      <ListFilters
        path="/events"
        query={query}
        search={{ name: 'q', label: 'Event id' }}
        selects={[{ name: 'status', label: 'Dispatch status', any: 'Any status', options: DISPATCH_STATUSES.map((s) => ({ value: s, label: s })) }]}
        inputs={[
          { name: 'type', label: 'Event type' },
          { name: 'correlationId', label: 'Correlation id' },
        ]}
      />
      <IgnoredParams ignored={ignored} />
      {filter.status === 'DEAD' && <ReplayDeadLetters count={deadLetters} filter={matching} />}
      <div className="card">
        {page.rows.length === 0 ? (
          <p className="muted">No events match.</p>
        ) : (
          <table data-testid="event-log">
            <thead>
              <tr><th>Received</th><th>Type</th><th>Source</th><th>Correlation</th><th>Dispatch</th></tr>
            </thead>
            <tbody>
              {page.rows.map((event) => (
                <tr key={event.id} data-testid="event-row">
                  <td><DateTime value={event.receivedAt} /></td>
                  <td>
                    <Link href={`/events/${event.id}`}><code>{event.type}</code></Link> v{event.version}
                  </td>
                  <td>{event.source}</td>
                  <td>
                    {event.correlationId ? (
                      <Link href={`/runs?correlationId=${encodeURIComponent(event.correlationId)}`} title="Runs of this correlation"><code>{event.correlationId}</code></Link>
                    ) : '—'}
                  </td>
                  <td className={event.dispatch?.status === 'DEAD' ? 'status-bad' : undefined}>
                    {event.dispatch?.status ?? '—'}
                    {event.dispatch?.lastError ? ` · ${event.dispatch.lastError}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ListPager path="/events" params={params} nextCursor={page.nextCursor} />
      </div>
    </AppShell>
  );
}
