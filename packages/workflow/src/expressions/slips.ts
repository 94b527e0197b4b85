import { compileExpression } from './compile';

/**
 * Habits from other languages that JSONata does not share: `==`, `&&`, `||`, `!x`, and
 * `{{ … }}` from template engines. Each makes JSONata's parser fail with a message about unary
 * operators or a missing ":", which says nothing of the real mistake; these name JSONata's way.
 */
export interface ExpressionSlips {
  /** What JSONata writes instead, one sentence per kind of slip (`JSONata compares with =, not ==`). */
  advice: string[];
  /** The expression with every slip corrected, when that parses; undefined when more is wrong. */
  corrected?: string;
}

type SlipKind = '==' | '===' | '!==' | '&&' | '||' | '!' | '{{';

const ADVICE: Record<SlipKind, string> = {
  '==': 'JSONata compares with =, not ==',
  '===': 'JSONata compares with =, not ===',
  '!==': 'JSONata tests inequality with !=, not !==',
  '&&': 'JSONata uses and, not &&',
  '||': 'JSONata uses or, not ||',
  '!': 'JSONata negates with $not(…), not !',
  '{{': 'write the expression without {{ }}: the field is JSONata already',
};

/** One replacement of `source.slice(start, end)`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Tokens after which a `/` starts a regular expression rather than dividing. */
const BEFORE_REGEX = new Set(['', '(', '[', '{', ',', ':', ';', '=', '<', '>', '~', '&', '+', '-', '*', '%', '?', '|']);

/**
 * The slips in an expression that does not parse, or undefined when it has none. One pass over
 * the source that skips string literals, quoted names, comments and regular expressions, so a
 * `"a==b"` in quotes is text, not a slip; linear in the length of the source.
 */
export function findExpressionSlips(source: string): ExpressionSlips | undefined {
  const kinds = new Set<SlipKind>();
  const edits: Edit[] = [];
  let openTemplates = 0;
  let previous = '';
  let index = 0;
  while (index < source.length) {
    const char = source[index]!;
    const next = source[index + 1];
    if (char === '"' || char === "'" || char === '`') {
      index = skipQuoted(source, index, char);
      previous = 'value';
    } else if (char === '/' && next === '*') {
      const close = source.indexOf('*/', index + 2);
      index = close === -1 ? source.length : close + 2;
    } else if (char === '/' && BEFORE_REGEX.has(previous)) {
      index = skipQuoted(source, index, '/');
      previous = 'value';
    } else if (/\s/.test(char)) {
      index++;
    } else if ((char === '<' || char === '>' || char === ':') && next === '=') {
      previous = '=';
      index += 2;
    } else if (char === '!' && next === '=') {
      const strict = source[index + 2] === '=';
      if (strict) {
        kinds.add('!==');
        edits.push({ start: index, end: index + 3, text: '!=' });
      }
      previous = '=';
      index += strict ? 3 : 2;
    } else if (char === '=' && next === '=') {
      const strict = source[index + 2] === '=';
      kinds.add(strict ? '===' : '==');
      edits.push({ start: index, end: index + (strict ? 3 : 2), text: '=' });
      previous = '=';
      index += strict ? 3 : 2;
    } else if ((char === '&' && next === '&') || (char === '|' && next === '|')) {
      const word = char === '&' ? 'and' : 'or';
      kinds.add(char === '&' ? '&&' : '||');
      edits.push({ start: index, end: index + 2, text: spaced(source, index, index + 2, word) });
      previous = '&';
      index += 2;
    } else if (char === '!') {
      kinds.add('!');
      edits.push(...negation(source, index));
      previous = '(';
      index++;
    } else if (char === '{' && next === '{') {
      kinds.add('{{');
      openTemplates++;
      edits.push({ start: index, end: index + 2, text: '' });
      previous = '';
      index += 2;
    } else if (char === '}' && next === '}' && openTemplates > 0) {
      openTemplates--;
      edits.push({ start: index, end: index + 2, text: '' });
      previous = 'value';
      index += 2;
    } else {
      previous = /[\w$.)\]}]/.test(char) ? 'value' : char;
      index++;
    }
  }
  if (kinds.size === 0) return undefined;
  const corrected = applyEdits(source, edits).trim();
  return { advice: [...kinds].map((kind) => ADVICE[kind]), ...(compileExpression(corrected).ok ? { corrected } : {}) };
}

/** Index just past the literal opened by `quote` at `start` (the end of the source if unclosed). */
function skipQuoted(source: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < source.length && source[index] !== quote) index += source[index] === '\\' ? 2 : 1;
  return Math.min(index + 1, source.length);
}

/** `word` in place of source[start, end), with a space on each side that has none. */
function spaced(source: string, start: number, end: number, word: string): string {
  const before = start > 0 && !/\s/.test(source[start - 1]!) ? ' ' : '';
  const after = end < source.length && !/\s/.test(source[end]!) ? ' ' : '';
  return `${before}${word}${after}`;
}

/** `!(x)` → `$not(x)`, `!event.data.done` → `$not(event.data.done)`; other operands are left for the admin. */
function negation(source: string, at: number): Edit[] {
  let operand = at + 1;
  while (operand < source.length && /\s/.test(source[operand]!)) operand++;
  if (source[operand] === '(') return [{ start: at, end: operand + 1, text: '$not(' }];
  const path = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/.exec(source.slice(operand, operand + 500));
  if (!path) return [];
  return [
    { start: at, end: operand, text: '$not(' },
    { start: operand + path[0].length, end: operand + path[0].length, text: ')' },
  ];
}

function applyEdits(source: string, edits: Edit[]): string {
  let result = '';
  let from = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (edit.start < from) continue;
    result += source.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  return result + source.slice(from);
}
