/**
 * Whether a regular expression repeats a group that itself repeats (`(a+)+`, `(\w*)*`, `(x+){2,}`):
 * the shape that makes a backtracking engine take exponential time on a near-miss. One regex
 * match is a single JSONata step, so the step limit cannot stop it; refusing the shape can.
 * A heuristic in the spirit of `safe-regex` (star height above one); it does not catch every slow
 * pattern, only the classic catastrophic one.
 */
export function repeatsARepetition(pattern: string): boolean {
  // For each open group: whether something inside it repeats.
  const groups: boolean[] = [];
  let closedGroupRepeats = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i]!;
    const repetitionLength = repetitionAt(pattern, i);
    if (repetitionLength > 0) {
      if (closedGroupRepeats) return true;
      if (groups.length > 0) groups[groups.length - 1] = true;
      i += repetitionLength - 1;
    } else if (char === '(') {
      groups.push(false);
      i += groupPrefixLength(pattern, i);
    } else if (char === ')') {
      const inner = groups.pop() ?? false;
      if (inner && groups.length > 0) groups[groups.length - 1] = true;
      closedGroupRepeats = inner;
      continue;
    } else if (char === '\\') {
      i += 1;
    } else if (char === '[') {
      i = endOfCharacterClass(pattern, i);
    }
    closedGroupRepeats = false;
  }
  return false;
}

/** Length of a quantifier that repeats more than once (`*`, `+`, `{2,}`, `{1,5}`, with a lazy `?`), or 0. */
function repetitionAt(pattern: string, at: number): number {
  const lazy = (length: number) => (pattern[at + length] === '?' ? length + 1 : length);
  if (pattern[at] === '*' || pattern[at] === '+') return lazy(1);
  const braces = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at));
  if (!braces) return 0;
  const [text, min, comma, max] = braces;
  const repeats = comma !== undefined ? max === '' || Number(max) > 1 : Number(min) > 1;
  return repeats ? lazy(text.length) : 0;
}

/** `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`: characters after the `(` that are not content. */
function groupPrefixLength(pattern: string, at: number): number {
  if (pattern[at + 1] !== '?') return 0;
  const prefix = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_][A-Za-z0-9_]*>)/.exec(pattern.slice(at));
  return prefix ? prefix[0].length - 1 : 1;
}

function endOfCharacterClass(pattern: string, at: number): number {
  for (let i = at + 1; i < pattern.length; i += 1) {
    if (pattern[i] === '\\') i += 1;
    else if (pattern[i] === ']') return i;
  }
  return pattern.length;
}
