import { isUuid } from '@cascade/catalog';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AppShell } from '@/components/app-shell';
import { DateTime } from '@/components/date-time';
import { LiveRefresh } from '@/components/live/live-refresh';
import { findRuns, RUN_STATUSES, workflowChoices, type RunFilter } from '@/server/run-store';
import { requireSession } from '@/server/session';
import { IgnoredParams, ListPager } from '../_lists/list-pager';
import { afterCursor, hrefWith, PAGE_SIZE, pageOfRows, readListQuery, type SearchParams } from '../_lists/list-query';
import { ListFilters } from '../_lists/list-filters';

export const metadata: Metadata = { title: 'Runs' };
export const dynamic = 'force-dynamic';

export default async function RunsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requireSession();
  const query = readListQuery(await searchParams, ['q', 'workflow', 'status', 'correlationId']);
  const { params, ignored } = query;
  const workflows = await workflowChoices(session.tenantId);
  const filter: RunFilter = { from: query.from, to: query.to, correlationId: params.correlationId };
  if (params.q) {
    if (isUuid(params.q)) filter.id = params.q;
    else ignored.push('search (a whole run id, a UUID)');
  }
  if (params.workflow) {
    // Carried in the URL, so a workflow's page can link to its runs.
    if (workflows.some((w) => w.id === params.workflow)) filter.workflowId = params.workflow;
    else ignored.push('workflow (one of this tenant’s workflows)');
  }
  if (params.status) {
    filter.status = RUN_STATUSES.find((s) => s === params.status);
    if (!filter.status) ignored.push(`status (one of ${RUN_STATUSES.join(', ')})`);
  }
  const after = afterCursor(query, 'startedAt');
  const page = pageOfRows(await findRuns(session.tenantId, filter, PAGE_SIZE + 1, after, query.order), (run) => run.startedAt);
  const workflow = workflows.find((w) => w.id === filter.workflowId);
  // The first page stays live: the same filters asked of the API, which answers 304 while nothing changed.
  // A relative range (`since`) is left out: its bound moves with every render, and would re-render the page each second.
  const live = query.cursor ? null : new URLSearchParams(Object.entries({
    limit: String(PAGE_SIZE), workflowId: filter.workflowId, status: filter.status, correlationId: filter.correlationId,
    from: params.from ? query.from : undefined, to: query.to, order: query.order,
  }).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

  return (
    <AppShell session={session}>
      <h1>Runs</h1>
      {live && <LiveRefresh url={`/api/v1/runs?${live}`} />}
      <ListFilters
        path="/runs"
        query={query}
        search={{ name: 'q', label: 'Run id' }}
        selects={[
          { name: 'workflow', label: 'Workflow', any: 'Any workflow', options: workflows.map((w) => ({ value: w.id, label: w.name })) },
          { name: 'status', label: 'Run status', any: 'Any status', options: RUN_STATUSES.map((s) => ({ value: s, label: s })) },
        ]}
        inputs={[{ name: 'correlationId', label: 'Correlation id' }]}
      />
      <IgnoredParams ignored={ignored} />
      {workflow && (
        <p data-testid="run-workflow-filter">
          Runs of <Link href={`/workflows/${workflow.id}`}>{workflow.name}</Link> (<Link href={hrefWith('/runs', params, { workflow: undefined, cursor: undefined })}>all workflows</Link>)
        </p>
      )}
      <div className="card">
        {page.rows.length === 0 ? (
          <p className="muted">
            {Object.keys(params).length > 0
              ? 'No run matches these filters.'
              : 'No runs yet. Publish a workflow and send an event it is triggered by.'}
          </p>
        ) : (
          <table data-testid="run-list">
            <thead>
              <tr><th>Started</th><th>Workflow</th><th>Status</th><th>Finished</th><th>Event</th></tr>
            </thead>
            <tbody>
              {page.rows.map((run) => (
                <tr key={run.id} data-testid="run-row">
                  <td><Link href={`/runs/${run.id}`}><DateTime value={run.startedAt} /></Link></td>
                  <td>
                    <Link href={`/workflows/${run.workflowId}`}>{run.workflow.name}</Link> v{run.version.version}
                    {run.parentRunId ? ' (sub-workflow)' : ''}
                  </td>
                  <td className={run.status === 'FAILED' ? 'status-bad' : undefined}>{run.status}</td>
                  <td><DateTime value={run.finishedAt} /></td>
                  <td>{run.eventId ? <Link href={`/events/${run.eventId}`}><code>{run.eventId.slice(0, 8)}</code></Link> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ListPager path="/runs" params={params} nextCursor={page.nextCursor} />
      </div>
    </AppShell>
  );
}
