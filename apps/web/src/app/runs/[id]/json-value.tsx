'use client';

import { useMemo, useState } from 'react';
import styles from './run-view.module.css';

/** Lines shown before a value folds: long enough for most step outputs, short enough to scan a list of them. */
const FOLDED_LINES = 12;
/** Characters drawn at most; the rest of a huge value is said, not rendered. */
const DRAWN_CHARS = 200_000;

/**
 * A step's input, output or error as pretty JSON: a long value folds (with a line count), and a
 * search field marks what matches and counts it, so a large payload is read rather than scrolled.
 */
export function JsonValue({ value, label }: { value: unknown; label: string }) {
  const text = useMemo(() => (value === null || value === undefined ? '' : JSON.stringify(value, null, 2)), [value]);
  const [query, setQuery] = useState('');
  const lines = useMemo(() => text.split('\n'), [text]);
  const [open, setOpen] = useState(lines.length <= FOLDED_LINES);
  if (!text) return <span className="muted">—</span>;
  const drawn = open ? text.slice(0, DRAWN_CHARS) : lines.slice(0, FOLDED_LINES).join('\n');
  const matches = query ? countMatches(text, query) : 0;
  return (
    <div className={styles.json} data-testid={`json-${label}`}>
      <div className={styles.jsonBar}>
        <span className="muted">{label} · {lines.length} line{lines.length === 1 ? '' : 's'}</span>
        {lines.length > 3 && (
          <input type="search" placeholder="Search" aria-label={`Search ${label}`} value={query} onChange={(event) => { setQuery(event.target.value); if (event.target.value) setOpen(true); }} />
        )}
        {query && <span data-testid="json-matches">{matches} match{matches === 1 ? '' : 'es'}</span>}
        {lines.length > FOLDED_LINES && (
          <button type="button" onClick={() => setOpen(!open)} aria-expanded={open}>{open ? 'Fold' : `Show all ${lines.length} lines`}</button>
        )}
      </div>
      <pre>{highlight(drawn, query)}{open && text.length > DRAWN_CHARS ? `\n… ${text.length - DRAWN_CHARS} more characters` : ''}</pre>
    </div>
  );
}

function countMatches(text: string, query: string): number {
  const haystack = text.toLowerCase();
  const needle = query.toLowerCase();
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

function highlight(text: string, query: string) {
  if (!query) return text;
  const parts: Array<string | React.ReactElement> = [];
  const haystack = text.toLowerCase();
  const needle = query.toLowerCase();
  let from = 0;
  for (let at = haystack.indexOf(needle); at !== -1 && parts.length < 2_000; at = haystack.indexOf(needle, from)) {
    parts.push(text.slice(from, at), <mark key={at}>{text.slice(at, at + needle.length)}</mark>);
    from = at + needle.length;
  }
  parts.push(text.slice(from));
  return parts;
}
