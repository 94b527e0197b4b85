'use client';

import { useEffect } from 'react';

export const LEAVE_WARNING = 'You have unsaved changes. Leave this page and lose them?';

/**
 * Asks before the page is left with unsaved changes. A reload, a typed address or a form post
 * goes through `beforeunload`; a click on an in-app link does not (the App Router swaps pages
 * without unloading and has no route-blocking API), so such clicks are caught in the capture
 * phase, before `<Link>`'s own handler sees them, and dropped when the user declines. The browser's
 * Back and Forward buttons move within the document too: see `confirmTraversal`.
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
    const navigation = (window as { navigation?: EventTarget }).navigation;
    window.addEventListener('beforeunload', warnOnUnload);
    document.addEventListener('click', confirmLinkClick, true);
    navigation?.addEventListener('navigate', confirmTraversal);
    return () => {
      window.removeEventListener('beforeunload', warnOnUnload);
      document.removeEventListener('click', confirmLinkClick, true);
      navigation?.removeEventListener('navigate', confirmTraversal);
    };
  }, [dirty]);
}

/** What `confirmTraversal` reads of the Navigation API's `navigate` event (TypeScript's DOM types lack it). */
interface NavigateEvent extends Event {
  navigationType: 'push' | 'replace' | 'reload' | 'traverse';
  destination: { url: string };
}

/**
 * Back or Forward to another page of the app. `popstate` comes too late to ask: the App Router's
 * own listener, added first, has rendered the other page (React finishes a transition begun in
 * `popstate` at once) before a listener of this page hears of it. The Navigation API's `navigate`
 * event comes before the move, and a declined move is cancelled whole: the page, its changes and the
 * history stay as they were. Browsers let a page cancel only a move within the document and, so no
 * page can trap its visitors, only once per interaction with the page: a second Back straight after
 * declining, or one in a browser without the Navigation API, leaves as it did before.
 */
function confirmTraversal(event: Event) {
  const navigate = event as NavigateEvent;
  if (navigate.navigationType !== 'traverse' || !navigate.cancelable) return;
  if (!isOtherPage(new URL(navigate.destination.url), new URL(window.location.href))) return;
  if (!window.confirm(LEAVE_WARNING)) navigate.preventDefault();
}

/** Whether a click follows a link to another page of this app in this tab, the one case `beforeunload` misses. */
function leavesThePage(event: MouseEvent): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute('download')) return false;
  if (anchor.target && anchor.target !== '_self') return false;
  return isOtherPage(new URL(anchor.href, window.location.href), new URL(window.location.href));
}

/** Whether `destination` is another page of this app than `here`: a jump within the page (only the #fragment differs) keeps the changes. */
function isOtherPage(destination: URL, here: URL): boolean {
  if (destination.origin !== here.origin) return false;
  return destination.pathname !== here.pathname || destination.search !== here.search;
}
