import { isUuid } from '@cascade/catalog';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AppShell } from '@/components/app-shell';
import { HttpError } from '@/server/http/problem';
import { findRun } from '@/server/run-store';
import { requireSession } from '@/server/session';
import { RunActions } from './run-actions';

export const metadata: Metadata = { title: 'Run' };
export const dynamic = 'force-dynamic';

const time = (date: Date | null) => date?.toISOString().replace('T', ' ').slice(0, 23) ?? '—';
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

  return (
    <AppShell session={session}>
      <p><Link href="/runs">← Runs</Link></p>
      <h1>{run.workflow.name} <span className="muted">v{run.version.version}</span></h1>
      <div className="card">
        <table>
          <tbody>
            <tr><th>Status</th><td data-testid="run-status">{run.status} <RunActions runId={run.id} status={run.status} /></td></tr>
            {error && <tr><th>Error</th><td className="status-bad" data-testid="run-error">{error.node ? `${error.node}: ` : ''}{error.message}</td></tr>}
            <tr><th>Started / finished</th><td>{time(run.startedAt)} / {time(run.finishedAt)}</td></tr>
            <tr><th>Triggering event</th><td>{run.eventId ? <Link href={`/events/${run.eventId}`}><code>{run.eventId}</code></Link> : '—'}</td></tr>
            {run.parentRunId && <tr><th>Started by</th><td><Link href={`/runs/${run.parentRunId}`}>parent run</Link></td></tr>}
          </tbody>
        </table>
      </div>
      <section className="card">
        <h2>Steps</h2>
        {run.steps.length === 0 ? <p className="muted">No step has finished yet.</p> : (
          <table data-testid="run-steps">
            <thead><tr><th>Node</th><th>Status</th><th>Attempts</th><th>Started</th><th>Input</th><th>Output / error</th></tr></thead>
            <tbody>
              {run.steps.map((step) => (
                <tr key={step.key} data-testid="run-step">
                  <td><code>{step.key}</code></td>
                  <td className={step.status === 'FAILED' ? 'status-bad' : undefined}>{step.status}</td>
                  <td>{step.attempts}</td>
                  <td>{time(step.startedAt)}</td>
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
          <ul>
            {run.waits.map((wait) => (
              <li key={wait.id}>
                <code>{wait.nodeKey}</code> waits for <code>{wait.eventType}</code> until {time(wait.expiresAt)}:{' '}
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
