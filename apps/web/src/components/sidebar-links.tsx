'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface NavGroup {
  label: string;
  items: ReadonlyArray<{ href: string; label: string }>;
}

/** The page a link leads to is current when the path is it or under it ("/runs/…" for Runs). */
function isCurrent(pathname: string, href: string): boolean {
  if (href.includes('?')) return false; // a filtered view (dead letters) is a shortcut, its page is the list's
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

/** The sidebar's grouped links, marking the current page for the eye and for screen readers. */
export function SidebarLinks({ groups }: { groups: readonly NavGroup[] }) {
  const pathname = usePathname();
  return (
    <>
      {groups.map((group) => (
        <section key={group.label} className="sidebar-group" aria-label={group.label}>
          <h2>{group.label}</h2>
          <ul>
            {group.items.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={isCurrent(pathname, item.href) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
