import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SignedInSession } from '@/server/session';
import { SidebarLinks, type NavGroup } from './sidebar-links';

/**
 * The sidebar's groups: what an admin builds, what an operator watches, and the tenant's settings.
 * Only pages that exist are linked; a group grows by a line here.
 */
const NAV: readonly NavGroup[] = [
  {
    label: 'Build',
    items: [
      { href: '/workflows', label: 'Workflows' },
      { href: '/templates', label: 'Templates' },
      { href: '/catalog', label: 'Event catalog' },
    ],
  },
  {
    label: 'Operate',
    items: [
      { href: '/', label: 'Overview' },
      { href: '/runs', label: 'Runs' },
      { href: '/events', label: 'Event log' },
      { href: '/events?status=DEAD', label: 'Dead letters' },
      { href: '/approvals', label: 'Approvals' },
      { href: '/inbox', label: 'Inbox' },
      { href: '/outbox', label: 'Outbox' },
    ],
  },
  {
    label: 'Settings',
    items: [
      { href: '/settings/api-keys', label: 'API keys' },
      { href: '/settings/secrets', label: 'Secrets' },
      { href: '/settings/webhooks', label: 'Webhooks' },
      { href: '/settings/retention', label: 'Retention' },
      { href: '/settings/audit', label: 'Audit trail' },
      { href: '/diagnostics', label: 'Diagnostics' },
      { href: '/docs', label: 'API docs' },
    ],
  },
];

/** The frame of every signed-in page: the grouped sidebar, the user, sign-out. */
export function AppShell({ session, children }: { session: SignedInSession; children: ReactNode }) {
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main" data-testid="sidebar">
        <Link href="/" className="brand">
          Cascade
        </Link>
        <SidebarLinks groups={NAV} />
        <div className="sidebar-user">
          <span className="muted" data-testid="signed-in-user">
            {session.email}
          </span>
          <form action="/logout" method="post">
            <button type="submit">Sign out</button>
          </form>
        </div>
      </nav>
      <main>{children}</main>
    </div>
  );
}
