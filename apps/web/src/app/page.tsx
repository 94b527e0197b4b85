import Link from 'next/link';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { COUNT_CAP, sumOf as sum, tenantOverview } from '@/server/overview';
import { requireSession } from '@/server/session';
import { findTenant } from '@/server/tenants';
import { ActivityChart } from './_overview/activity-chart';
import { OverviewTables } from './_overview/overview-tables';

export const dynamic = 'force-dynamic';

const capped = (n: number) => (n > COUNT_CAP ? `${COUNT_CAP.toLocaleString('en')}+` : n.toLocaleString('en'));

function Stat({ label, value, testId, href, bad = false }: { label: string; value: string; testId: string; href?: string; bad?: boolean }) {
  const figure: ReactNode = <strong className={bad ? 'status-bad' : undefined} data-testid={testId}>{value}</strong>;
  return (
    <div className="stat">
      <span className="muted">{label}</span>
      {href ? <Link href={href}>{figure}</Link> : figure}
    </div>
  );
}

export default async function OverviewPage() {
  const session = await requireSession();
  const [tenant, overview] = await Promise.all([findTenant(session.tenantId), tenantOverview(session.tenantId)]);
  const hour = overview.lastHour.buckets;
  return (
    <AppShell session={session}>
      <h1>{tenant.name}</h1>
      <section className="card stats" aria-label="Last hour">
        <Stat label="Events · last hour" value={capped(sum(hour, 'events'))} testId="stat-events" href="/events" />
        <Stat label="Runs started" value={capped(sum(hour, 'started'))} testId="stat-started" href="/runs" />
        <Stat label="Completed" value={capped(sum(hour, 'completed'))} testId="stat-completed" href="/runs?status=COMPLETED" />
        <Stat label="Failed" value={capped(sum(hour, 'failed'))} testId="stat-failed" href="/runs?status=FAILED" bad={sum(hour, 'failed') > 0} />
        <Stat label="Dispatch backlog" value={capped(overview.backlog.pending)} testId="stat-backlog" href="/events?status=PENDING" />
        <Stat label="Dead letters" value={capped(overview.backlog.dead)} testId="stat-dead" href="/events?status=DEAD" bad={overview.backlog.dead > 0} />
        <Stat label="Open approvals" value={capped(overview.openApprovals.count)} testId="stat-approvals" href="/approvals" />
      </section>
      <section className="card overview-charts" aria-label="Activity">
        <ActivityChart series={overview.lastHour} label="Last hour, per minute" testId="chart-hour" />
        <ActivityChart series={overview.lastDay} label="Last 24 hours, per 15 minutes" testId="chart-day" />
      </section>
      <OverviewTables overview={overview} />
      <p className="muted">
        The same figures are served to dashboards by <Link href="/docs">GET /api/v1/overview</Link>; the{' '}
        <Link href="/diagnostics">diagnostics page</Link> sends a trip through the whole stack.
      </p>
    </AppShell>
  );
}
