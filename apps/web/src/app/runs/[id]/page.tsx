import { isUuid } from '@cascade/catalog';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AppShell } from '@/components/app-shell';
import { DateTime } from '@/components/date-time';
import { eventsOfRun } from '@/server/event-links';
import { HttpError } from '@/server/http/problem';
import { findRun } from '@/server/run-store';
import { requireSession } from '@/server/session';
import { RunActions } from './run-actions';

export const metadata: Metadata = { title: 'Run' };
export const dynamic = 'force-dynamic';

const json = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value, null, 2));

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireSession();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const run = await findRun(session.tenantId, id).catch((error: unknown) => {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  });
  const error = run.error as { message?: string; node?: string } | null;
  const events = await eventsOfRun(session.tenantId, run);
  const eventLink = (event: { id: string; type: string }) => <Link href={`/events/${event.id}`}><code>{event.type}</code> · <code>{event.id}</code></Link>;

  return (
    <AppShell session={session}>
      <p><Link href="/runs">← Runs</Link></p>
      <h1 className="wrap-anywhere">{run.workflow.name} <span className="muted">v{run.version.version}</span></h1>
      <div className="card">
        <table className="fixed">
          <colgroup><col style={{ width: '22%' }} /><col /></colgroup>
          <tbody>
            <tr><th>Status</th><td data-testid="run-status">{run.status} <RunActions runId={run.id} status={run.status} /></td></tr>
            {error && <tr><th>Error</th><td className="status-bad" data-testid="run-error">{error.node ? `${error.node}: ` : ''}{error.message}</td></tr>}
            <tr><th>Workflow</th><td><Link href={`/workflows/${run.workflowId}`}>{run.workflow.name}</Link> · <Link href={`/runs?workflow=${run.workflowId}`}>its runs</Link></td></tr>
            <tr><th>Started / finished</th><td><DateTime value={run.startedAt} milliseconds /> / <DateTime value={run.finishedAt} milliseconds /></td></tr>
            <tr>
              <th>Triggering event</th>
              <td data-testid="run-trigger-event">{events.trigger ? eventLink(events.trigger) : run.eventId ? <code>{run.eventId}</code> : '—'}</td>
            </tr>
            {run.parentRunId && <tr><th>Started by</th><td><Link href={`/runs/${run.parentRunId}`}>parent run</Link></td></tr>}
          </tbody>
        </table>
      </div>
      <section className="card">
        <h2>Events</h2>
        <h3>Emitted</h3>
        {events.emitted.length ? (
          <ul data-testid="run-emitted-events" className="wrap-anywhere">
            {events.emitted.map(({ stepKey, event }) => <li key={event.id}>{eventLink(event)} by step <code>{stepKey}</code></li>)}
          </ul>
        ) : <p className="muted">None.</p>}
        <h3>Received</h3>
        {events.received.length ? (
          <ul data-testid="run-received-events" className="wrap-anywhere">
            {events.received.map(({ nodeKey, event }) => <li key={`${nodeKey}/${event.id}`}>{eventLink(event)} by wait <code>{nodeKey}</code></li>)}
          </ul>
        ) : <p className="muted">None.</p>}
      </section>
      <section className="card">
        <h2>Steps</h2>
        {run.steps.length === 0 ? <p className="muted">No step has finished yet.</p> : (
          <table data-testid="run-steps" className="fixed">
            <colgroup>
              <col style={{ width: '14%' }} /><col style={{ width: '11%' }} /><col style={{ width: '9%' }} /><col style={{ width: '14%' }} /><col /><col />
            </colgroup>
            <thead><tr><th>Node</th><th>Status</th><th>Attempts</th><th>Started</th><th>Input</th><th>Output / error</th></tr></thead>
            <tbody>
              {run.steps.map((step) => (
                <tr key={step.key} data-testid="run-step">
                  <td><code>{step.key}</code></td>
                  <td className={step.status === 'FAILED' ? 'status-bad' : undefined}>{step.status}</td>
                  <td>{step.attempts}</td>
                  <td><DateTime value={step.startedAt} milliseconds /></td>
                  <td><pre>{json(step.input)}</pre></td>
                  <td><pre>{json(step.status === 'FAILED' ? step.error : step.output)}</pre></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {run.waits.length > 0 && (
        <section className="card">
          <h2>Waits for events</h2>
          <ul className="wrap-anywhere">
            {run.waits.map((wait) => (
              <li key={wait.id}>
                <code>{wait.nodeKey}</code> waits for <code>{wait.eventType}</code> until <DateTime value={wait.expiresAt} />:{' '}
                {wait.deliveredEventId ? <Link href={`/events/${wait.deliveredEventId}`}>received</Link> : wait.closedAt ? 'timed out' : 'waiting'}
              </li>
            ))}
          </ul>
        </section>
      )}
      {run.approvalTasks.length > 0 && (
        <section className="card">
          <h2>Approvals</h2>
          <ul>
            {run.approvalTasks.map((task) => (
              <li key={task.id}><Link href="/approvals">{task.title}</Link>: {task.status}{task.decidedBy ? ` by ${task.decidedBy}` : ''}</li>
            ))}
          </ul>
        </section>
      )}
    </AppShell>
  );
}
