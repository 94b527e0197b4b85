import { isUuid } from '@cascade/catalog';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AppShell } from '@/components/app-shell';
import { DateTime } from '@/components/date-time';
import { LiveRefresh } from '@/components/live/live-refresh';
import { emitterOfEvent, explainDispatch } from '@/server/event-links';
import { findEvent, retiredEvent, runsOfEvent } from '@/server/event-log';
import { requireSession } from '@/server/session';
import { NoRunReasons } from './no-run-reasons';
import { ReplayButton } from './replay-button';

export const dynamic = 'force-dynamic';

interface EventPageProps { params: Promise<{ id: string }> }

/** Type first, so a tab or a history entry says what happened before which one. */
export async function generateMetadata({ params }: EventPageProps): Promise<Metadata> {
  const session = await requireSession();
  const { id } = await params;
  const event = isUuid(id) ? await findEvent(session.tenantId, id) : null;
  return { title: event ? `${event.type} · ${event.id}` : 'Event' };
}

export default async function EventPage({ params }: EventPageProps) {
  const session = await requireSession();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const event = await findEvent(session.tenantId, id);
  if (!event) {
    const retired = await retiredEvent(session.tenantId, id);
    if (!retired) notFound();
    return (
      <AppShell session={session}>
        <p><Link href="/events">← Event log</Link></p>
        <h1 className="wrap-anywhere">Event <code className="muted event-id">{id}</code></h1>
        <div className="card" data-testid="event-retired">
          <p>
            This event was received on {retired.receivedOn}, before the tenant’s <Link href="/settings/retention">retention window</Link>,
            and has been archived and deleted from the event log.
          </p>
          <p className="muted">Its record is in the archive under <code>{retired.archivedUnder}</code>. A re-sent copy is still answered as a duplicate.</p>
        </div>
      </AppShell>
    );
  }
  const [{ started, signalled }, explanation, emitter] = await Promise.all([
    runsOfEvent(session.tenantId, id),
    explainDispatch(session.tenantId, event),
    emitterOfEvent(session.tenantId, event),
  ]);

  return (
    <AppShell session={session}>
      <p><Link href="/events">← Event log</Link></p>
      <h1 data-testid="event-title" className="wrap-anywhere">
        <code data-testid="event-type">{event.type}</code> v{event.version} · <code className="muted event-id">{event.id}</code>
      </h1>
      <div className="card">
        <table>
          <tbody>
            <tr><th>Source</th><td>{event.source}</td></tr>
            {emitter && (
              <tr>
                <th>Emitted by</th>
                <td data-testid="event-emitted-by">
                  <Link href={`/runs/${emitter.runId}`}>run of {emitter.workflowName}</Link>
                  {emitter.stepKey && <>, step <code>{emitter.stepKey}</code></>}
                </td>
              </tr>
            )}
            <tr><th>Occurred / received</th><td><DateTime value={event.occurredAt} /> / <DateTime value={event.receivedAt} /></td></tr>
            <tr><th>Correlation / causation</th><td><code>{event.correlationId ?? '—'}</code> / {event.causationId ? <Link href={`/events/${event.causationId}`}><code>{event.causationId}</code></Link> : '—'} (depth {event.causationDepth})</td></tr>
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
      <section className="card">
        <h2>Runs started by this event</h2>
        <LiveRefresh url={`/api/v1/runs?eventId=${event.id}&limit=100`} />
        {started.length > 0 && (
          <ul data-testid="runs-started">
            {started.map((run) => <li key={run.id}><Link href={`/runs/${run.id}`}>{run.workflow.name}</Link>: {run.status}</li>)}
          </ul>
        )}
        {started.length === 0 && explanation.reasons.length === 0 && <p className="muted">None yet: the runs are starting.</p>}
        {explanation.reasons.length > 0 && (
          <>
            {started.length > 0 && <h3>Not started</h3>}
            <NoRunReasons explanation={explanation} />
          </>
        )}
      </section>
      <section className="card">
        <h2>Runs it was delivered to</h2>
        {signalled.length ? (
          <ul data-testid="runs-signalled">
            {signalled.map((run) => <li key={run.id}><Link href={`/runs/${run.id}`}>{run.workflow.name}</Link>: {run.status}</li>)}
          </ul>
        ) : (
          <p className="muted">None.</p>
        )}
      </section>
      <section className="card">
        <h2>Payload</h2>
        <pre data-testid="event-data">{JSON.stringify(event.data, null, 2)}</pre>
        {event.actor !== null && <><h3>Actor</h3><pre>{JSON.stringify(event.actor, null, 2)}</pre></>}
        {event.metadata !== null && <><h3>Metadata</h3><pre>{JSON.stringify(event.metadata, null, 2)}</pre></>}
      </section>
    </AppShell>
  );
}
