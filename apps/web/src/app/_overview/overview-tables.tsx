import Link from 'next/link';
import { DateTime } from '@/components/date-time';
import type { TenantOverview, WorkflowFigure } from '@/server/overview';

const seconds = (ms: number | null) => (ms === null ? '—' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

function WorkflowTable({ rows, empty, testId, columns }: { rows: WorkflowFigure[]; empty: string; testId: string; columns: 'speed' | 'failures' }) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Workflow</th>
          {columns === 'speed' ? (<><th scope="col">Median</th><th scope="col">95th pct</th></>) : (<><th scope="col">Failed</th><th scope="col">Of runs</th></>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.workflowId}>
            <td><Link href={`/runs?workflow=${row.workflowId}${columns === 'failures' ? '&status=FAILED' : ''}`}>{row.name}</Link></td>
            {columns === 'speed' ? (<><td>{seconds(row.p50Ms)}</td><td>{seconds(row.p95Ms)}</td></>) : (<><td className="status-bad">{row.failed}</td><td>{row.runs}</td></>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The lists under the charts: where time goes, what fails, what waits for a person. */
export function OverviewTables({ overview }: { overview: TenantOverview }) {
  return (
    <div className="overview-grid">
      <section className="card" aria-label="Slowest workflows">
        <h2>Slowest workflows · last 24 h</h2>
        <WorkflowTable rows={overview.slowestWorkflows} columns="speed" testId="slowest-workflows" empty="No run completed in the last day." />
      </section>
      <section className="card" aria-label="Most failing workflows">
        <h2>Most failing workflows · last 24 h</h2>
        <WorkflowTable rows={overview.mostFailingWorkflows} columns="failures" testId="failing-workflows" empty="No run failed in the last day." />
      </section>
      <section className="card" aria-label="Recent failures">
        <h2>Recent failures</h2>
        {overview.recentFailures.length === 0 ? (
          <p className="muted">No run failed in the last day.</p>
        ) : (
          <ul className="overview-list" data-testid="recent-failures">
            {overview.recentFailures.map((failure) => (
              <li key={failure.runId}>
                <Link href={`/runs/${failure.runId}`}>{failure.workflowName}</Link> · <DateTime value={failure.finishedAt} />
                {failure.message && <div className="muted">{failure.message}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-label="Open approvals">
        <h2>Open approvals</h2>
        {overview.openApprovals.oldest.length === 0 ? (
          <p className="muted">Nothing waits for a decision.</p>
        ) : (
          <ul className="overview-list" data-testid="open-approvals">
            {overview.openApprovals.oldest.map((task) => (
              <li key={task.id}>
                <Link href={`/runs/${task.runId}`}>{task.title}</Link> · due <DateTime value={task.dueAt} />
              </li>
            ))}
          </ul>
        )}
        {overview.openApprovals.count > overview.openApprovals.oldest.length && <Link href="/approvals">All {overview.openApprovals.count} open approvals</Link>}
      </section>
    </div>
  );
}
