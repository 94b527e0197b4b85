import type { Metadata } from 'next';
import { AppShell } from '@/components/app-shell';
import { buildOpenApiDocument } from '@/server/http/openapi';
import { routes } from '@/server/routes';
import { requireSession } from '@/server/session';
import { WEBHOOK_SIGNATURE_EXAMPLE } from './webhook-signature-example';

export const metadata: Metadata = { title: 'API docs' };

/** Renders the OpenAPI document: each operation with its scope, request and response schemas. */
export default async function ApiDocsPage() {
  const session = await requireSession();
  const document = buildOpenApiDocument(routes);
  return (
    <AppShell session={session}>
      <h1>HTTP API</h1>
      <p className="muted">
        Authenticate with <code>Authorization: Bearer &lt;API key&gt;</code>. The machine-readable document is at{' '}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI {document.openapi}).
      </p>
      <section className="card" data-testid="webhook-signatures">
        <h2>Verifying webhook signatures</h2>
        <p>
          Each webhook delivery carries <code>Cascade-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of
          &quot;&lt;t&gt;.&lt;raw body&gt;&quot;&gt;</code>, keyed with the signing secret shown when the subscription was created.
          Drop repeats by <code>Cascade-Delivery</code>, the same on every attempt and on a replay.
        </p>
        <pre>{WEBHOOK_SIGNATURE_EXAMPLE}</pre>
      </section>
      {Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
        Object.entries(item ?? {}).map(([method, operation]) => {
          const op = operation as { operationId: string; summary?: string; description?: string; requestBody?: unknown; responses: Record<string, unknown> };
          return (
            <section key={op.operationId} className="card" data-testid={`operation-${op.operationId}`}>
              <h3>
                <span className="method">{method.toUpperCase()}</span> <code>{path}</code>
              </h3>
              <p>{op.summary}</p>
              {op.description && <p className="muted">{op.description}</p>}
              <details>
                <summary>Request and responses</summary>
                <pre>{JSON.stringify({ requestBody: op.requestBody, responses: op.responses }, null, 2)}</pre>
              </details>
            </section>
          );
        }),
      )}
      <details className="card">
        <summary>Schemas</summary>
        <pre>{JSON.stringify(document.components?.schemas ?? {}, null, 2)}</pre>
      </details>
    </AppShell>
  );
}
