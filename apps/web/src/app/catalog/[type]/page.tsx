import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AppShell } from '@/components/app-shell';
import { SchemaChangeCheck } from '../_components/schema-change-check';
import { tenantCatalog, workflowsTriggeredBy } from '@/server/catalog';
import { requireSession } from '@/server/session';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ type: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: decodeURIComponent((await params).type) };
}

export default async function CatalogEventPage({ params }: Params) {
  const session = await requireSession();
  const type = decodeURIComponent((await params).type);
  const entry = (await tenantCatalog(session.tenantId)).find((e) => e.type === type);
  if (!entry) notFound();
  const workflows = await workflowsTriggeredBy(session.tenantId, type);
  const versions = [...entry.versions].reverse();

  return (
    <AppShell session={session}>
      <p>
        <Link href="/catalog">← Event catalog</Link>
      </p>
      <h1>{entry.displayName}</h1>
      <p>
        <code data-testid="event-type">{entry.type}</code> · {entry.category} · {entry.custom ? 'registered by this tenant' : `from ${entry.domain}`}
      </p>
      <p>{entry.description}</p>
      <section className="card">
        <h2>Workflows it starts</h2>
        {workflows.length ? (
          <ul data-testid="event-workflows">
            {workflows.map((w) => (
              <li key={w.id}>{w.name}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">No published workflow starts on this event yet.</p>
        )}
      </section>
      {entry.custom && session.role === 'ADMIN' && <SchemaChangeCheck type={entry.type} latestSchema={entry.versions.at(-1)!.jsonSchema} />}
      {versions.map((version) => (
        <section key={version.version} className="card" data-testid={`event-version-${version.version}`}>
          <h2>
            Version {version.version} <code className="muted">{version.payloadSchemaRef}</code>
          </h2>
          <table data-testid="event-fields">
            <thead>
              <tr>
                <th>Field (event.data…)</th>
                <th>Type</th>
                <th>Required</th>
                <th>Description</th>
              </tr>
            </thead>
            <tbody>
              {version.fields.map((field) => (
                <tr key={field.path}>
                  <td><code>{field.path}</code></td>
                  <td>
                    {field.type}
                    {field.itemType ? `<${field.itemType}>` : ''}
                    {field.format ? ` (${field.format})` : ''}
                    {field.enum ? `: ${field.enum.map((v) => JSON.stringify(v)).join(' | ')}` : ''}
                  </td>
                  <td>{field.optional ? 'optional' : 'required'}</td>
                  <td>{field.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Example payload</h3>
          <pre data-testid="event-example">{JSON.stringify(version.example ?? null, null, 2)}</pre>
          <details>
            <summary>JSON Schema</summary>
            <pre>{JSON.stringify(version.jsonSchema, null, 2)}</pre>
          </details>
        </section>
      ))}
    </AppShell>
  );
}
