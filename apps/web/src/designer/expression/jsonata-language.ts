import { StreamLanguage, type StreamParser } from '@codemirror/language';

/**
 * JSONata's tokens for highlighting: no maintained CodeMirror package covers JSONata, and its
 * lexical grammar is small (jsonata.js's tokenizer). State is only whether a block comment is open,
 * and whether the token before could end a value (after one, `/` divides; elsewhere it opens a regex).
 */
interface JsonataState {
  inComment: boolean;
  afterValue: boolean;
}

const KEYWORDS = new Set(['and', 'or', 'in', 'function', 'λ']);
const ATOMS = new Set(['true', 'false', 'null']);
/** Multi-character operators first, so `:=` is one token rather than `:` and `=`. */
const OPERATOR = /^(?::=|!=|<=|>=|~>|\.\.|\?\?|\?:|[-+*/%=<>&|?:!~^#@])/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/;
const NAME = /^[^\s\][(){}.,;:=<>!~?&|*/%+\-"'`^#@$]+/;

export const jsonataParser: StreamParser<JsonataState> = {
  name: 'jsonata',
  startState: () => ({ inComment: false, afterValue: false }),
  token(stream, state) {
    if (state.inComment) return blockComment(stream, state);
    if (stream.eatSpace()) return null;
    if (stream.match('/*')) {
      state.inComment = true;
      return blockComment(stream, state);
    }
    const next = stream.peek()!;
    if (next === '"' || next === "'") {
      quoted(stream, next);
      state.afterValue = true;
      return 'string';
    }
    if (next === '`') {
      quoted(stream, '`');
      state.afterValue = true;
      return 'propertyName';
    }
    if (next === '/' && !state.afterValue) {
      quoted(stream, '/');
      stream.match(/^[im]*/);
      state.afterValue = true;
      return 'regexp';
    }
    if (!state.afterValue && stream.match(NUMBER)) {
      state.afterValue = true;
      return 'number';
    }
    if (stream.match(/^\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/)) {
      state.afterValue = true;
      return 'number';
    }
    if (next === '$') {
      stream.next();
      stream.match(NAME);
      state.afterValue = true;
      // `$name(` calls a function; `$name` alone reads a variable (or `$` the context).
      return stream.match(/^\s*\(/, false) ? 'function(variableName)' : 'variableName';
    }
    const word = stream.match(NAME) as RegExpMatchArray | null;
    if (word) {
      const text = word[0];
      state.afterValue = !KEYWORDS.has(text);
      if (KEYWORDS.has(text)) return 'keyword';
      if (ATOMS.has(text)) return 'atom';
      return 'propertyName';
    }
    if (stream.match(OPERATOR)) {
      state.afterValue = false;
      return 'operator';
    }
    const char = stream.next()!;
    // A closing bracket ends a value: `(a)/2` divides.
    state.afterValue = char === ')' || char === ']' || char === '}';
    return char === '.' ? 'operator' : 'punctuation';
  },
  languageData: { commentTokens: { block: { open: '/*', close: '*/' } }, closeBrackets: { brackets: ['(', '[', '{', '"', "'", '`'] } },
};

function blockComment(stream: Parameters<StreamParser<JsonataState>['token']>[0], state: JsonataState): string {
  if (stream.skipTo('*/')) {
    stream.match('*/');
    state.inComment = false;
  } else {
    stream.skipToEnd();
  }
  return 'comment';
}

/** Consumes a literal opened by `quote` up to its closing quote (or the line's end), skipping escapes. */
function quoted(stream: Parameters<StreamParser<JsonataState>['token']>[0], quote: string): void {
  stream.next();
  let char: string | void;
  while ((char = stream.next()) !== undefined) {
    if (char === '\\') stream.next();
    else if (char === quote) return;
  }
}

export const jsonataLanguage = StreamLanguage.define(jsonataParser);
