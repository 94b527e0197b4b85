/**
 * A line diff of two JSON documents, as `diff -u` shows one: the reader of a version diff who
 * wants the exact JSON. Longest common subsequence over lines; past MAX_CELLS (two definitions of
 * a few thousand lines each) the table would cost too much in the browser, and the caller is told.
 */

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

export const MAX_CELLS = 4_000_000;

export function jsonLineDiff(before: unknown, after: unknown): DiffLine[] | null {
  const a = JSON.stringify(before, null, 2).split('\n');
  const b = JSON.stringify(after, null, 2).split('\n');
  if (a.length * b.length > MAX_CELLS) return null;
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..], in one flat array.
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ kind: 'same', text: a[i]! });
      i += 1;
      j += 1;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      lines.push({ kind: 'removed', text: a[i++]! });
    } else {
      lines.push({ kind: 'added', text: b[j++]! });
    }
  }
  while (i < a.length) lines.push({ kind: 'removed', text: a[i++]! });
  while (j < b.length) lines.push({ kind: 'added', text: b[j++]! });
  return lines;
}

/** The changed lines with `context` unchanged lines around each change; longer unchanged runs fold into a marker. */
export function withContext(lines: readonly DiffLine[], context = 3): Array<DiffLine | { kind: 'fold'; count: number }> {
  const near = lines.map(() => false);
  lines.forEach((line, index) => {
    if (line.kind === 'same') return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k += 1) near[k] = true;
  });
  const shown: Array<DiffLine | { kind: 'fold'; count: number }> = [];
  let folded = 0;
  lines.forEach((line, index) => {
    if (near[index]) {
      if (folded > 0) shown.push({ kind: 'fold', count: folded });
      folded = 0;
      shown.push(line);
    } else folded += 1;
  });
  if (folded > 0) shown.push({ kind: 'fold', count: folded });
  return shown;
}
