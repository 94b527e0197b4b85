/** A text to find, and what stands in its place. */
export interface Replacement {
  text: string;
  marker: string;
}

/**
 * Builds a function that replaces every occurrence of the given texts, in time linear in the
 * text searched (times the number of texts), whatever the texts and the input: each text is found
 * by Knuth–Morris–Pratt, never by backtracking, and a regular expression would also refuse a
 * pattern as long as a 64 KiB certificate. Occurrences that overlap, of one text or of several,
 * are replaced as one span carrying the marker of each text that lengthened it; one contained in
 * another disappears into it.
 */
export function createSpanReplacer(replacements: readonly Replacement[]): (text: string) => string {
  const searches = replacements.map(({ text, marker }) => ({ text, marker, fallback: failureTable(text) }));
  const shortest = Math.min(...replacements.map(({ text }) => text.length));
  return (input) => {
    if (input.length < shortest) return input;
    // longest[e]: length of the longest occurrence ending at e, 0 for none; allocated at the first hit.
    let longest: Int32Array | undefined;
    let markerAt: Int32Array | undefined;
    for (const [index, search] of searches.entries()) {
      const from = input.indexOf(search.text);
      if (from === -1) continue;
      longest ??= new Int32Array(input.length);
      markerAt ??= new Int32Array(input.length);
      for (const end of occurrenceEnds(input, search.text, search.fallback, from)) {
        if (search.text.length > longest[end]!) {
          longest[end] = search.text.length;
          markerAt[end] = index;
        }
      }
    }
    if (!longest || !markerAt) return input;
    return replaceSpans(input, mergedSpans(longest, markerAt, searches));
  };
}

interface Span {
  start: number;
  end: number;
  markers: string[];
}

/** The occurrences as disjoint spans, in text order; they arrive by where they end. */
function mergedSpans(longest: Int32Array, markerAt: Int32Array, searches: ReadonlyArray<{ marker: string }>): Span[] {
  const spans: Span[] = [];
  for (let end = 0; end < longest.length; end += 1) {
    const length = longest[end]!;
    if (length === 0) continue;
    const start = end - length + 1;
    const marker = searches[markerAt[end]!]!.marker;
    // Spans that start inside this occurrence end inside it too (they ended earlier): it swallows them.
    while (spans.length > 0 && spans.at(-1)!.start >= start) spans.pop();
    const last = spans.at(-1);
    if (last && last.end >= start) {
      last.end = end;
      if (last.markers.at(-1) !== marker) last.markers.push(marker);
    } else {
      spans.push({ start, end, markers: [marker] });
    }
  }
  return spans;
}

function replaceSpans(input: string, spans: readonly Span[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const span of spans) {
    parts.push(input.slice(at, span.start), ...span.markers);
    at = span.end + 1;
  }
  parts.push(input.slice(at));
  return parts.join('');
}

/** fallback[i]: length of the longest proper prefix of pattern[0..i] that is also its suffix. */
function failureTable(pattern: string): Int32Array {
  const fallback = new Int32Array(pattern.length);
  for (let i = 1, matched = 0; i < pattern.length; i += 1) {
    while (matched > 0 && pattern.charCodeAt(i) !== pattern.charCodeAt(matched)) matched = fallback[matched - 1]!;
    if (pattern.charCodeAt(i) === pattern.charCodeAt(matched)) matched += 1;
    fallback[i] = matched;
  }
  return fallback;
}

/** Where each occurrence of `pattern` in `text` ends (overlapping ones too), searching from `from`. */
function* occurrenceEnds(text: string, pattern: string, fallback: Int32Array, from: number): Generator<number> {
  for (let i = from, matched = 0; i < text.length; i += 1) {
    while (matched > 0 && text.charCodeAt(i) !== pattern.charCodeAt(matched)) matched = fallback[matched - 1]!;
    if (text.charCodeAt(i) === pattern.charCodeAt(matched)) matched += 1;
    if (matched === pattern.length) {
      yield i;
      matched = fallback[matched - 1]!;
    }
  }
}
