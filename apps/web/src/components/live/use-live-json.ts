'use client';

import { useEffect, useRef, useState } from 'react';

/** How often a live page asks whether anything changed: the page is at most this far behind. */
export const POLL_MS = 1_000;

/**
 * A JSON resource kept fresh by polling with `If-None-Match`: an unchanged resource costs a 304
 * and no rendering. Polls while `keepPolling` says so of the latest value and the tab is visible; a failed poll is tried
 * again at the next tick. Answers the latest value and whether the last poll reached the server.
 */
export function useLiveJson<T>(url: string, initial: T, keepPolling: (value: T) => boolean): { value: T; connected: boolean } {
  const [value, setValue] = useState(initial);
  const active = keepPolling(value);
  const [connected, setConnected] = useState(true);
  const etag = useRef<string | null>(null);
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      if (document.visibilityState === 'visible') {
        try {
          const response = await fetch(url, { cache: 'no-store', headers: etag.current ? { 'if-none-match': etag.current } : {} });
          if (response.ok) {
            etag.current = response.headers.get('etag');
            const next = (await response.json()) as T;
            if (!stopped) setValue(next);
          }
          if (!stopped) setConnected(response.ok || response.status === 304);
        } catch {
          if (!stopped) setConnected(false);
        }
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [url, active]);
  return { value, connected };
}
