import type { Metadata } from 'next';
import Link from 'next/link';
import { AppShell } from '@/components/app-shell';
import { filterCatalog, tenantCatalog } from '@/server/catalog';
import { requireSession } from '@/server/session';

export const metadata: Metadata = { title: 'Event catalog' };
export const dynamic = 'force-dynamic';

export default async function CatalogPage({ searchParams }: { searchParams: Promise<{ q?: string; category?: string }> }) {
  const session = await requireSession();
  const { q = '', category = '' } = await searchParams;
  const all = await tenantCatalog(session.tenantId);
  const categories = [...new Set(all.map((e) => e.category))].sort();
  const shown = filterCatalog(all, { category, q });
  const byCategory = new Map<string, typeof shown>();
  for (const entry of shown) byCategory.set(entry.category, [...(byCategory.get(entry.category) ?? []), entry]);

  return (
    <AppShell session={session}>
      <h1>Event catalog</h1>
      <p className="muted">
        {all.length} event types can start a workflow or be emitted by one. Each payload is checked against its schema when it is published.
      </p>
      <form className="card" role="search" style={{ display: 'flex', gap: 8 }}>
        <input name="q" defaultValue={q} aria-label="Search events" placeholder="Search types, names, fields…" style={{ flex: 1 }} />
        <select name="category" defaultValue={category} aria-label="Category">
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
        <button type="submit">Search</button>
      </form>
      <p data-testid="catalog-count">{shown.length} shown</p>
      {[...byCategory.entries()].map(([name, entries]) => (
          <section key={name} className="card">
            <h2>{name}</h2>
            <table>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.type} data-testid="catalog-event">
                    <td style={{ width: '40%' }}>
                      <Link href={`/catalog/${encodeURIComponent(entry.type)}`}>
                        <code>{entry.type}</code>
                      </Link>
                      {entry.custom && <span className="muted"> · custom</span>}
                    </td>
                    <td>
                      <strong>{entry.displayName}</strong> <span className="muted">{entry.description}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
    </AppShell>
  );
}
