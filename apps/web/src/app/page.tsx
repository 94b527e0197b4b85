import Link from 'next/link';
import { AppShell } from '@/components/app-shell';
import { db } from '@/server/services';
import { requireSession } from '@/server/session';

export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  const session = await requireSession();
  const tenant = await db().tenant.findUniqueOrThrow({ where: { id: session.tenantId } });
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
