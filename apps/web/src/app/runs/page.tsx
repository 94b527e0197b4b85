import type { Metadata } from 'next';
import Link from 'next/link';
import { AppShell } from '@/components/app-shell';
import { findRuns, RUN_STATUSES } from '@/server/run-store';
import { requireSession } from '@/server/session';

export const metadata: Metadata = { title: 'Runs' };
export const dynamic = 'force-dynamic';

const time = (date: Date | null) => date?.toISOString().replace('T', ' ').slice(0, 19) ?? '—';

export default async function RunsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const session = await requireSession();
  const filters = await searchParams;
  const status = RUN_STATUSES.find((s) => s === filters.status);
  const runs = await findRuns(session.tenantId, { ...(status ? { status } : {}) }, 100);

  return (
    <AppShell session={session}>
      <h1>Runs</h1>
      <form className="card" role="search" style={{ display: 'flex', gap: 8 }}>
        <select name="status" defaultValue={status ?? ''} aria-label="Run status">
          <option value="">Any status</option>
          {RUN_STATUSES.map((s) => <option key={s}>{s}</option>)}
        </select>
        <button type="submit">Filter</button>
      </form>
      <div className="card">
        {runs.length === 0 ? (
          <p className="muted">No runs yet. Publish a workflow and send an event it is triggered by.</p>
        ) : (
          <table data-testid="run-list">
            <thead>
              <tr><th>Started</th><th>Workflow</th><th>Status</th><th>Finished</th><th>Event</th></tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} data-testid="run-row">
                  <td><Link href={`/runs/${run.id}`}>{time(run.startedAt)}</Link></td>
                  <td>{run.workflow.name} v{run.version.version}{run.parentRunId ? ' (sub-workflow)' : ''}</td>
                  <td className={run.status === 'FAILED' ? 'status-bad' : undefined}>{run.status}</td>
                  <td>{time(run.finishedAt)}</td>
                  <td>{run.eventId ? <Link href={`/events/${run.eventId}`}><code>{run.eventId.slice(0, 8)}</code></Link> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </AppShell>
  );
}
