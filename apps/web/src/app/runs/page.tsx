import { isUuid } from '@cascade/catalog';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AppShell } from '@/components/app-shell';
import { DateTime } from '@/components/date-time';
import { LiveRefresh } from '@/components/live/live-refresh';
import { findRuns, findRunsWorkflow, RUN_STATUSES } from '@/server/run-store';
import { requireSession } from '@/server/session';

export const metadata: Metadata = { title: 'Runs' };
export const dynamic = 'force-dynamic';

export default async function RunsPage({ searchParams }: { searchParams: Promise<{ status?: string; workflow?: string }> }) {
  const session = await requireSession();
  const filters = await searchParams;
  const status = RUN_STATUSES.find((s) => s === filters.status);
  // Carried in the URL, so a workflow's page can link to its runs; an id that is not one is ignored.
  const workflow = filters.workflow && isUuid(filters.workflow)
    ? await findRunsWorkflow(session.tenantId, filters.workflow)
    : null;
  const runs = await findRuns(session.tenantId, { ...(status ? { status } : {}), ...(workflow ? { workflowId: workflow.id } : {}) }, 100);
  const liveQuery = new URLSearchParams({ limit: '100', ...(status ? { status } : {}), ...(workflow ? { workflowId: workflow.id } : {}) });

  return (
    <AppShell session={session}>
      <h1>Runs</h1>
      <LiveRefresh url={`/api/v1/runs?${liveQuery}`} />
      <form className="card" role="search" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        {workflow && (
          <span data-testid="run-workflow-filter">
            <input type="hidden" name="workflow" value={workflow.id} />
            of <Link href={`/workflows/${workflow.id}`}>{workflow.name}</Link> (<Link href={status ? `/runs?status=${status}` : '/runs'}>all workflows</Link>)
          </span>
        )}
        <select name="status" defaultValue={status ?? ''} aria-label="Run status">
          <option value="">Any status</option>
          {RUN_STATUSES.map((s) => <option key={s}>{s}</option>)}
        </select>
        <button type="submit">Filter</button>
      </form>
      <div className="card">
        {runs.length === 0 ? (
          <p className="muted">{workflow ? 'This workflow has no runs yet. Publish it and send an event it is triggered by.' : 'No runs yet. Publish a workflow and send an event it is triggered by.'}</p>
        ) : (
          <table data-testid="run-list">
            <thead>
              <tr><th>Started</th><th>Workflow</th><th>Status</th><th>Finished</th><th>Event</th></tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} data-testid="run-row">
                  <td><Link href={`/runs/${run.id}`}><DateTime value={run.startedAt} /></Link></td>
                  <td>{run.workflow.name} v{run.version.version}{run.parentRunId ? ' (sub-workflow)' : ''}</td>
                  <td className={run.status === 'FAILED' ? 'status-bad' : undefined}>{run.status}</td>
                  <td><DateTime value={run.finishedAt} /></td>
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
