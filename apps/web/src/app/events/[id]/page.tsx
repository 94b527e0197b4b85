import { isUuid } from '@cascade/catalog';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AppShell } from '@/components/app-shell';
import { findEvent, runsOfEvent } from '@/server/event-log';
import { requireSession } from '@/server/session';
import { ReplayButton } from './replay-button';

export const metadata: Metadata = { title: 'Event' };
export const dynamic = 'force-dynamic';

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireSession();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const event = await findEvent(session.tenantId, id);
  if (!event) notFound();
  const { started, signalled } = await runsOfEvent(session.tenantId, id);

  return (
    <AppShell session={session}>
      <p><Link href="/events">← Event log</Link></p>
      <h1><code data-testid="event-type">{event.type}</code> v{event.version}</h1>
      <div className="card">
        <table>
          <tbody>
            <tr><th>Id</th><td><code>{event.id}</code></td></tr>
            <tr><th>Source</th><td>{event.source}</td></tr>
            <tr><th>Occurred / received</th><td>{event.occurredAt.toISOString()} / {event.receivedAt.toISOString()}</td></tr>
            <tr><th>Correlation / causation</th><td><code>{event.correlationId ?? '—'}</code> / <code>{event.causationId ?? '—'}</code> (depth {event.causationDepth})</td></tr>
            <tr>
              <th>Dispatch</th>
              <td data-testid="event-dispatch">
                {event.dispatch ? `${event.dispatch.status} after ${event.dispatch.attempts} attempt(s)` : '—'}
                {event.dispatch?.lastError ? ` · ${event.dispatch.lastError}` : ''}
                {event.dispatch?.status === 'DEAD' && <> <ReplayButton eventId={event.id} /></>}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      {([['Runs started', started, 'runs-started'], ['Runs it was delivered to', signalled, 'runs-signalled']] as const).map(([title, runs, testId]) => (
        <section className="card" key={testId}>
          <h2>{title}</h2>
          {runs.length ? (
            <ul data-testid={testId}>
              {runs.map((run) => <li key={run.id}><Link href={`/runs/${run.id}`}>{run.workflow.name}</Link>: {run.status}</li>)}
            </ul>
          ) : (
            <p className="muted">None.</p>
          )}
        </section>
      ))}
      <section className="card">
        <h2>Payload</h2>
        <pre data-testid="event-data">{JSON.stringify(event.data, null, 2)}</pre>
        {event.actor !== null && <><h3>Actor</h3><pre>{JSON.stringify(event.actor, null, 2)}</pre></>}
        {event.metadata !== null && <><h3>Metadata</h3><pre>{JSON.stringify(event.metadata, null, 2)}</pre></>}
      </section>
    </AppShell>
  );
}
