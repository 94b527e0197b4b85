import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { AppShell } from '@/components/app-shell';
import { ReadOnlyGraph } from '@/components/workflow-graph/read-only-graph';
import { templateKey } from '@/server/routes/templates';
import { requireSession } from '@/server/session';
import { InstantiateForm } from '../_components/instantiate-form';
import { pickerOptionsFor, templatePageOf } from '../_server/template-pages';
import styles from '../templates.module.css';

export const metadata: Metadata = { title: 'Template' };
export const dynamic = 'force-dynamic';

/** `?version=` as GET /api/v1/templates/{key} reads it; anything else shows the latest. */
const versionQuery = z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined);

interface TemplatePageProps {
  params: Promise<{ key: string }>;
  searchParams: Promise<{ version?: string | string[] }>;
}

export default async function TemplatePage({ params, searchParams }: TemplatePageProps) {
  const session = await requireSession();
  const [{ key }, query] = await Promise.all([params, searchParams]);
  const version = versionQuery.parse(Array.isArray(query.version) ? query.version[0] : query.version);
  // A key is lower-case letters, digits and separators: anything else (percent-encoded or not) names no template.
  if (!templateKey.safeParse(key).success) notFound();
  const [template, pickers] = await Promise.all([templatePageOf(session.tenantId, key, version), pickerOptionsFor(session.tenantId, session.role)]);
  if (!template) notFound();
  const latest = template.version === template.latestVersion;

  return (
    <AppShell session={session}>
      <p><Link href="/templates">← Templates</Link></p>
      <h1 data-testid="template-name">{template.name}</h1>
      <p className="muted">
        <code>{template.key}</code> · {template.category} · {template.visibility === 'global' ? 'built in' : 'your tenant’s'} ·
        {' '}{template.triggerEvent ? <>starts on <code>{template.triggerEvent}</code></> : 'starts on an event you choose'}
      </p>
      {template.description && <p data-testid="template-description">{template.description}</p>}
      <div className={styles.detail}>
        <div>
          <section className="card" aria-labelledby="preview-heading">
            <h2 id="preview-heading">Version {template.version}{latest ? ' (latest)' : ''}</h2>
            <p className="muted">Parameters are shown by name, ‹like this›, where their values will go.</p>
            <ReadOnlyGraph definition={template.definition} label={`Preview of ${template.name}, version ${template.version}`} testId="template-preview" />
          </section>
          <section className="card" aria-labelledby="versions-heading">
            <h2 id="versions-heading">Versions</h2>
            <ul className={styles.versions} data-testid="template-versions">
              {template.versions.map((v) => (
                <li key={v.version}>
                  {v.version === template.version ? <strong>version {v.version}</strong> : <Link href={`?version=${v.version}`}>version {v.version}</Link>}
                  {' '}<span className="muted">registered {v.registeredAt.replace('T', ' ').slice(0, 16)}</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
        <section className="card" aria-labelledby="instantiate-heading">
          <h2 id="instantiate-heading">Use this template</h2>
          {session.role === 'VIEWER' ? (
            <p className="muted" data-testid="instantiate-not-allowed">Admins and editors create workflows from templates; you can look around.</p>
          ) : (
            <>
              <p className="muted">Creates a workflow of your own from version {template.version}, with these parameters.</p>
              <InstantiateForm
                templateKey={template.key}
                version={template.version}
                defaultName={template.name}
                parameterSchema={template.parameterSchema}
                pickers={pickers}
              />
            </>
          )}
        </section>
      </div>
    </AppShell>
  );
}
