'use client';

import { useEffect } from 'react';

export const LEAVE_WARNING = 'You have unsaved changes. Leave this page and lose them?';

/**
 * Asks before the page is left with unsaved changes. A reload, a typed address or a form post
 * goes through `beforeunload`; a click on an in-app link does not (the App Router swaps pages
 * without unloading and has no route-blocking API), so such clicks are caught in the capture
 * phase, before `<Link>`'s own handler sees them, and dropped when the user declines.
 * The browser's back button is not covered: by the time `popstate` fires the URL has changed.
 */
export function useLeaveWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warnOnUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const confirmLinkClick = (event: MouseEvent) => {
      if (!leavesThePage(event)) return;
      if (window.confirm(LEAVE_WARNING)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('beforeunload', warnOnUnload);
    document.addEventListener('click', confirmLinkClick, true);
    return () => {
      window.removeEventListener('beforeunload', warnOnUnload);
      document.removeEventListener('click', confirmLinkClick, true);
    };
  }, [dirty]);
}

/** Whether a click follows a link to another page of this app in this tab, the one case `beforeunload` misses. */
function leavesThePage(event: MouseEvent): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute('download')) return false;
  if (anchor.target && anchor.target !== '_self') return false;
  const destination = new URL(anchor.href, window.location.href);
  if (destination.origin !== window.location.origin) return false;
  // A jump within the page (only the #fragment differs) keeps the changes.
  return destination.pathname !== window.location.pathname || destination.search !== window.location.search;
}
