import type { Metadata } from 'next';
import { AppShell } from '@/components/app-shell';
import { requireSession } from '@/server/session';
import { SecretsPanel } from './secrets-panel';

export const metadata: Metadata = { title: 'Secrets' };
export const dynamic = 'force-dynamic';

export default async function SecretsPage() {
  const session = await requireSession();
  return (
    <AppShell session={session}>
      <h1>Secrets</h1>
      <p className="muted">
        Tokens and keys that actions use by name (for example a remote action’s signing secret). Values are stored
        encrypted, never shown again, and redacted from run records and logs (also base64-, hex- and URL-encoded).
        A secret goes only to the hosts you allow here; a request to any other host fails its step.
      </p>
      {session.role === 'ADMIN' ? <SecretsPanel /> : <p role="alert">Only admins manage secrets.</p>}
    </AppShell>
  );
}
