import type { Metadata } from 'next';
import Link from 'next/link';
import { AppShell } from '@/components/app-shell';
import { requireSession } from '@/server/session';
import { galleryOf, galleryQuery, type GalleryQuery, type TemplateSummary } from './_server/template-pages';
import styles from './templates.module.css';

export const metadata: Metadata = { title: 'Templates' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TemplatesPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireSession();
  const raw = await searchParams;
  const parsed = galleryQuery.safeParse({ q: first(raw.q), category: first(raw.category), event: first(raw.event) });
  const query: GalleryQuery = parsed.success ? parsed.data : {};
  const gallery = await galleryOf(session.tenantId, query);
  const byCategory = new Map<string, TemplateSummary[]>();
  for (const template of gallery.templates) byCategory.set(template.category, [...(byCategory.get(template.category) ?? []), template]);

  return (
    <AppShell session={session}>
      <h1>Templates</h1>
      <p className="muted">
        Ready-made workflows, built in or registered by your systems over the API. Pick one, fill in its parameters, and
        it becomes a workflow of your own, as a draft or published at once.
      </p>
      <form className={`card ${styles.filters}`} role="search" aria-label="Find templates">
        <input name="q" defaultValue={query.q ?? ''} aria-label="Search templates" placeholder="Search names, keys, descriptions…" maxLength={200} />
        <select name="category" defaultValue={query.category ?? ''} aria-label="Category">
          <option value="">All categories</option>
          {gallery.categories.map((category) => <option key={category}>{category}</option>)}
        </select>
        <select name="event" defaultValue={query.event ?? ''} aria-label="Trigger event">
          <option value="">Any trigger event</option>
          {gallery.events.map((event) => <option key={event}>{event}</option>)}
        </select>
        <button type="submit">Search</button>
      </form>
      {!parsed.success && (
        <p role="alert" className="error">
          The search was not understood ({parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}); all templates are shown.
        </p>
      )}
      <p data-testid="template-count" className="muted">
        {gallery.templates.length} {gallery.templates.length === 1 ? 'template' : 'templates'}
        {gallery.more ? ' shown, and more: narrow the search to see them' : ''}
      </p>
      {gallery.templates.length === 0 && <p className="card muted">No template matches. Clear the search, or register one with POST /api/v1/templates.</p>}
      {[...byCategory].map(([category, templates]) => (
        <section key={category} aria-label={category} data-testid="template-category">
          <h2 className={styles.category}>{category}</h2>
          <ul className={styles.grid}>
            {templates.map((template) => <TemplateCard key={template.key} template={template} />)}
          </ul>
        </section>
      ))}
    </AppShell>
  );
}

function TemplateCard({ template }: { template: TemplateSummary }) {
  return (
    <li className={`card ${styles.templateCard}`} data-testid="template-card">
      <h3 className={styles.cardTitle}>
        <Link href={`/templates/${encodeURIComponent(template.key)}`}>{template.name}</Link>
      </h3>
      <p className={styles.description}>{template.description || <span className="muted">No description.</span>}</p>
      <dl className={styles.facts}>
        <dt>Starts on</dt>
        <dd>{template.triggerEvent ? <code>{template.triggerEvent}</code> : <span className="muted">an event you choose</span>}</dd>
        <dt>Version</dt>
        <dd>{template.latestVersion} · {template.visibility === 'global' ? 'built in' : 'your tenant’s'}</dd>
      </dl>
      {template.tags.length > 0 && (
        <ul className={styles.tags} aria-label="Tags">
          {template.tags.map((tag) => <li key={tag}>{tag}</li>)}
        </ul>
      )}
    </li>
  );
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
