/**
 * Text PostgreSQL cannot store. Its `text` and `jsonb` types refuse U+0000 ("unsupported Unicode
 * escape sequence", "invalid byte sequence for encoding UTF8: 0x00") and JSON whose `\uXXXX`
 * escapes name a lone UTF-16 surrogate ("invalid input syntax for type json": a low surrogate must follow a high one),
 * which JSON.parse accepts and JSON.stringify writes back out. One such string anywhere in a
 * statement fails the whole statement, so tenant text is checked before it joins one: refused at
 * the boundaries that can answer (events, API bodies), made storable where the text is the record
 * of something already done (a step's output), since refusing that would repeat the side effect.
 */

/** A lone surrogate: a high one not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** U+FFFD REPLACEMENT CHARACTER: Unicode's own mark for "a character was here that could not be kept". */
export const REPLACEMENT_CHARACTER = '\uFFFD';

/** Most places a check reports; a body of a million NULs is answered with the first few. */
const MAX_REPORTED = 20;

export interface UnstorableText {
  /** JSON Pointer to the string, or to the member whose key holds the text. */
  path: string;
  message: string;
  expected: string;
}

/** Why PostgreSQL refuses `text`, or undefined when it can store it. */
export function unstorableReason(text: string): string | undefined {
  const nul = text.indexOf('\u0000');
  if (nul !== -1) return `holds U+0000 (NUL) at character ${nul}, which PostgreSQL cannot store`;
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) {
    const unit = surrogate[0].charCodeAt(0).toString(16).toUpperCase();
    return `holds a lone UTF-16 surrogate (\\u${unit}) at character ${surrogate.index}, which is not Unicode text`;
  }
  return undefined;
}

/** `text` with each U+0000 and each lone surrogate replaced by U+FFFD; other text unchanged. */
export function toStorableString(text: string): string {
  if (!unstorableReason(text)) return text;
  return text.replaceAll('\u0000', REPLACEMENT_CHARACTER).replace(LONE_SURROGATES, REPLACEMENT_CHARACTER);
}

const EXPECTED = 'Unicode text without U+0000 or unpaired surrogates';

/**
 * Every place (up to 20) in a parsed JSON value where a string or an object key holds text
 * PostgreSQL cannot store, by JSON Pointer under `basePath`. Walks with its own stack, so a
 * deeply nested body cannot overflow the call stack.
 */
export function findUnstorableText(value: unknown, basePath = ''): UnstorableText[] {
  const found: UnstorableText[] = [];
  // A member carries its key's problem, so places are reported in document order.
  const stack: Array<{ value: unknown; path: string; keyReason?: string }> = [{ value, path: basePath }];
  while (stack.length && found.length < MAX_REPORTED) {
    const { value: current, path, keyReason } = stack.pop()!;
    if (keyReason) found.push({ path, message: `The key ${keyReason}`, expected: EXPECTED });
    if (typeof current === 'string') {
      const reason = unstorableReason(current);
      if (reason) found.push({ path, message: `The text ${reason}`, expected: EXPECTED });
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1) stack.push({ value: current[index], path: `${path}/${index}` });
    } else if (isPlainObject(current)) {
      for (const [key, member] of Object.entries(current).reverse()) {
        const keyReason = unstorableReason(key);
        stack.push({ value: member, path: `${path}/${pointerToken(key)}`, ...(keyReason ? { keyReason } : {}) });
      }
    }
  }
  return found.slice(0, MAX_REPORTED);
}

/**
 * A copy of a JSON value that PostgreSQL can store: U+0000 and lone surrogates in strings and keys
 * become U+FFFD (a key that would then clash with a sibling gets another U+FFFD until it does not,
 * so no member is lost), and `replaced` lists the JSON Pointers of what changed, under `basePath`.
 * The value itself is returned, untouched, when nothing needs replacing.
 */
export function toStorableJson<T>(value: T, basePath = ''): { value: T; replaced: string[] } {
  const replaced: string[] = [];
  const visit = (current: unknown, path: string): unknown => {
    if (typeof current === 'string') {
      const storable = toStorableString(current);
      if (storable !== current) replaced.push(path);
      return storable;
    }
    if (Array.isArray(current)) return current.map((item, index) => visit(item, `${path}/${index}`));
    if (!isPlainObject(current)) return current;
    const copy: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(current)) {
      let storableKey = toStorableString(key);
      if (storableKey !== key) {
        replaced.push(`${path}/${pointerToken(key)}`);
        while (Object.hasOwn(current, storableKey) || Object.hasOwn(copy, storableKey)) storableKey += REPLACEMENT_CHARACTER;
      }
      copy[storableKey] = visit(member, `${path}/${pointerToken(key)}`);
    }
    return copy;
  };
  // Most values need nothing; only they pay for no copy.
  if (!findUnstorableText(value).length) return { value, replaced };
  return { value: visit(value, basePath) as T, replaced };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** RFC 6901: `~` and `/` inside a key are written `~0` and `~1`. */
const pointerToken = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');
