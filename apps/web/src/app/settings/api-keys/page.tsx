import type { Metadata } from 'next';
import { AppShell } from '@/components/app-shell';
import { requireSession } from '@/server/session';
import { ApiKeysPanel } from './api-keys-panel';

export const metadata: Metadata = { title: 'API keys' };
export const dynamic = 'force-dynamic';

export default async function ApiKeysPage() {
  const session = await requireSession();
  return (
    <AppShell session={session}>
      <h1>API keys</h1>
      <p className="muted">
        Systems authenticate with <code>Authorization: Bearer &lt;key&gt;</code>. A key belongs to this tenant only and
        carries scopes; a key is shown once, when it is created.
      </p>
      {session.role === 'ADMIN' ? <ApiKeysPanel /> : <p role="alert">Only admins manage API keys.</p>}
    </AppShell>
  );
}
