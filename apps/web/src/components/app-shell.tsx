import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SignedInSession } from '@/server/session';

const NAV = [
  { href: '/', label: 'Overview' },
  { href: '/catalog', label: 'Event catalog' },
  { href: '/events', label: 'Event log' },
  { href: '/workflows', label: 'Workflows' },
  { href: '/templates', label: 'Templates' },
  { href: '/runs', label: 'Runs' },
  { href: '/approvals', label: 'Approvals' },
  { href: '/inbox', label: 'Inbox' },
  { href: '/outbox', label: 'Outbox' },
  { href: '/diagnostics', label: 'Diagnostics' },
  { href: '/settings/api-keys', label: 'API keys' },
  { href: '/settings/secrets', label: 'Secrets' },
  { href: '/docs', label: 'API docs' },
];

/** The frame of every signed-in page: navigation, the user, sign-out. */
export function AppShell({ session, children }: { session: SignedInSession; children: ReactNode }) {
  return (
    <>
      <nav className="nav" aria-label="Main">
        <Link href="/" className="brand">
          Cascade
        </Link>
        {NAV.map((item) => (
          <Link key={item.href} href={item.href}>
            {item.label}
          </Link>
        ))}
        <span className="spacer" />
        <span className="muted" data-testid="signed-in-user">
          {session.email}
        </span>
        <form action="/logout" method="post">
          <button type="submit">Sign out</button>
        </form>
      </nav>
      <main>{children}</main>
    </>
  );
}
