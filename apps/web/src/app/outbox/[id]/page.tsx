import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AppShell } from '@/components/app-shell';
import { DateTime } from '@/components/date-time';
import { findCapturedEmail } from '@/server/mailboxes';
import { requireSession } from '@/server/session';

export const metadata: Metadata = { title: 'Captured email' };
export const dynamic = 'force-dynamic';

/** Ids are bigint: anything else, or beyond its range, cannot name a message. */
const MAX_ID = 2n ** 63n - 1n;
const parseId = (id: string) => (/^\d{1,19}$/.test(id) && BigInt(id) <= MAX_ID ? BigInt(id) : undefined);

export default async function CapturedEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireSession();
  const id = parseId((await params).id);
  if (id === undefined) notFound();
  const email = await findCapturedEmail(session.tenantId, id);
  if (!email) notFound();
  const headers = Object.entries((email.headers ?? {}) as Record<string, string | string[]>);

  return (
    <AppShell session={session}>
      <p><Link href="/outbox">← Outbox</Link></p>
      <h1 data-testid="email-subject">{email.subject || '(no subject)'}</h1>
      <div className="card">
        <table>
          <tbody>
            <tr><th>From</th><td>{email.from}</td></tr>
            <tr><th>To</th><td data-testid="email-to">{email.to.join(', ')}</td></tr>
            <tr><th>Received</th><td><DateTime value={email.receivedAt} /></td></tr>
          </tbody>
        </table>
      </div>
      {email.html !== null && (
        <section className="card">
          <h2>HTML</h2>
          {/* The message is untrusted: an empty sandbox runs no script, submits no form and cannot reach this page. */}
          <iframe
            title="HTML body"
            data-testid="email-html"
            sandbox=""
            srcDoc={email.html}
            style={{ width: '100%', height: 480, border: '1px solid var(--line)', borderRadius: 6, background: '#fff' }}
          />
        </section>
      )}
      {email.text !== null && (
        <section className="card">
          <h2>Text</h2>
          <pre data-testid="email-text" style={{ whiteSpace: 'pre-wrap' }}>{email.text}</pre>
        </section>
      )}
      {email.html === null && email.text === null && <p className="muted card">The message has no body.</p>}
      <details className="card">
        <summary>Headers</summary>
        <table>
          <tbody>
            {headers.map(([name, value]) => (
              <tr key={name}><th><code>{name}</code></th><td>{[value].flat().join('\n')}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </AppShell>
  );
}
