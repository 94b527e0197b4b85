'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useLiveJson } from './use-live-json';

/**
 * Keeps a server-rendered page live: polls `url` (an API list the page shows, answered with an
 * ETag) and re-renders the page whenever its answer changes. An unchanged list costs a 304.
 */
export function LiveRefresh({ url }: { url: string }) {
  const router = useRouter();
  const { value } = useLiveJson<unknown>(url, null, () => true);
  useEffect(() => {
    if (value !== null) router.refresh();
  }, [value, router]);
  return null;
}
