import Link from 'next/link';
import { hrefWith } from './list-query';

/** First page and next page links of a list, keeping its filters in the address. */
export function ListPager({ path, params, nextCursor }: { path: string; params: Record<string, string>; nextCursor: string | null }) {
  if (!params.cursor && !nextCursor) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {params.cursor && <Link href={hrefWith(path, params, { cursor: undefined })}>← First page</Link>}
      {nextCursor && (
        <Link href={hrefWith(path, params, { cursor: nextCursor })} data-testid="next-page" rel="next">
          Next page →
        </Link>
      )}
    </nav>
  );
}

/** What the address held that the list did not understand, so a shared link that lost a filter says so. */
export function IgnoredParams({ ignored }: { ignored: string[] }) {
  if (ignored.length === 0) return null;
  return (
    <p className="notice" data-testid="ignored-params">
      Not understood, so not applied: {ignored.join('; ')}.
    </p>
  );
}
