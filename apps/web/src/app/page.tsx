import Link from 'next/link';
import { AppShell } from '@/components/app-shell';
import { requireSession } from '@/server/session';
import { findTenant } from '@/server/tenants';

export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  const session = await requireSession();
  const tenant = await findTenant(session.tenantId);
  return (
    <AppShell session={session}>
      <h1>{tenant.name}</h1>
      <div className="card">
        <p>
          Cascade runs workflows when events arrive. Systems publish events over the <Link href="/docs">HTTP API</Link>;
          the <Link href="/diagnostics">diagnostics page</Link> sends a trip through the whole stack.
        </p>
      </div>
    </AppShell>
  );
}
