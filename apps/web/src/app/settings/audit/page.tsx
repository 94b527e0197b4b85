import { verifyAuditChain } from '@cascade/db';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AppShell } from '@/components/app-shell';
import { DateTime } from '@/components/date-time';
import { HttpError } from '@/server/http/problem';
import { findAuditEntries } from '@/server/routes/audit';
import { db } from '@/server/services';
import { requireSession } from '@/server/session';
import { IgnoredParams, ListPager } from '../../_lists/list-pager';
import { ListFilters } from '../../_lists/list-filters';
import { readListQuery, type SearchParams } from '../../_lists/list-query';

export const metadata: Metadata = { title: 'Audit trail' };
export const dynamic = 'force-dynamic';

export default async function AuditTrailPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requireSession();
  if (session.role !== 'ADMIN') {
    return (
      <AppShell session={session}>
        <h1>Audit trail</h1>
        <p role="alert">Only admins read the audit trail.</p>
      </AppShell>
    );
  }
  const search = await searchParams;
  const query = readListQuery(search, ['action', 'actor']);
  const { params, ignored } = query;
  const page = await findPage(session.tenantId, query, ignored);
  const check = search.verify ? await verifyAuditChain(db(), session.tenantId) : undefined;
  const broken = check?.brokenLinks[0];

  return (
    <AppShell session={session}>
      <h1>Audit trail</h1>
      <p className="muted">
        Every change made in this tenant, through the API or these pages, by whom. Each entry is chained to the one before
        by a SHA-256 hash, so an entry edited or deleted in the database is found by verifying the chain. Secret values are never recorded.
      </p>
      <form className="card" action="/settings/audit" aria-label="Verify the audit chain">
        <input type="hidden" name="verify" value="1" />
        <button type="submit">Verify chain</button>
        {check && (
          <p role="status" data-testid="audit-verify-result" className={check.chainIntact ? undefined : 'error'}>
            {check.chainIntact
              ? `Intact: ${check.entriesVerified} entries verified.`
              : `Broken at entry ${broken!.seq}: ${broken!.kind === 'deleted' ? 'deleted' : 'edited'} (${check.entriesVerified} entries before it are intact).`}
          </p>
        )}
      </form>
      <ListFilters
        path="/settings/audit"
        query={query}
        search={{ name: 'action', label: 'Operation' }}
        selects={[]}
        inputs={[{ name: 'actor', label: 'Actor id (user or API key)' }]}
      />
      <IgnoredParams ignored={ignored} />
      <div className="card">
        {page.items.length === 0 ? (
          <p className="muted">No entries match.</p>
        ) : (
          <table data-testid="audit-entries">
            <thead>
              <tr><th>#</th><th>When</th><th>Actor</th><th>Operation</th><th>Target</th><th>Summary</th></tr>
            </thead>
            <tbody>
              {page.items.map((entry) => (
                <tr key={entry.id} data-testid="audit-row">
                  <td>{entry.seq}</td>
                  <td><DateTime value={entry.createdAt} /></td>
                  <td>
                    <Link href={`/settings/audit?actor=${encodeURIComponent(entry.actor.id ?? '')}`}>
                      {entry.actor.type === 'apiKey' ? 'API key' : entry.actor.type} {entry.actor.id?.slice(0, 8)}
                    </Link>
                  </td>
                  <td><code>{entry.action}</code></td>
                  <td><code style={{ wordBreak: 'break-all' }}>{entry.target}</code></td>
                  <td><code className="muted" style={{ wordBreak: 'break-all' }}>{JSON.stringify(entry.summary).slice(0, 160)}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <ListPager path="/settings/audit" params={params} nextCursor={page.nextCursor} />
    </AppShell>
  );
}

/** The page the address asks for; a cursor of another list starts over, as the other lists do. */
async function findPage(tenantId: string, query: ReturnType<typeof readListQuery>, ignored: string[]) {
  const filter = { action: query.params.action, actor: query.params.actor, from: query.from, to: query.to, order: query.order, limit: 50 };
  try {
    return await findAuditEntries(tenantId, { ...filter, cursor: query.cursor });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    ignored.push('cursor (the list starts from its first page)');
    return findAuditEntries(tenantId, filter);
  }
}
