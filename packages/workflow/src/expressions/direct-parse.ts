import type { DirectNode } from './direct';

/**
 * Parses the expressions `directEvaluator` covers, into the syntax tree JSONata's own parser
 * gives them (positions aside), without loading JSONata: inside Temporal workflow code every run
 * evaluates its modules afresh, and JSONata's module and parser cost a run about a millisecond.
 * Anything else (functions, predicates, arithmetic, escapes in strings, comments, non-ASCII names)
 * gives undefined and is left to JSONata. A property test holds the trees to JSONata's.
 *
 *   expression := or
 *   or         := and ('or' and)*
 *   and        := comparison ('and' comparison)*
 *   comparison := concat (('=' | '!=' | '<' | '<=' | '>' | '>=') concat)*
 *   concat     := operand ('&' operand)*
 *   operand    := string | number | 'true' | 'false' | 'null' | name ('.' name)* | '(' expression ')'
 */
export function parseDirect(source: string): DirectNode | undefined {
  const tokens = tokenize(source);
  if (!tokens) return undefined;
  let at = 0;
  const peek = () => tokens[at];
  const take = () => tokens[at++];

  const binary = (operators: readonly string[], operand: () => DirectNode | undefined) => (): DirectNode | undefined => {
    let lhs = operand();
    while (lhs && peek()?.kind === 'operator' && operators.includes(peek()!.text)) {
      const value = take()!.text;
      const rhs = operand();
      lhs = rhs && { type: 'binary', value, lhs, rhs };
    }
    return lhs;
  };

  const operandNode = (): DirectNode | undefined => {
    const token = take();
    if (!token) return undefined;
    switch (token.kind) {
      case 'string':
        return { type: 'string', value: token.text };
      case 'number': {
        // JSONata refuses a literal beyond the double range (S0102); so does this parser.
        const value = Number(token.text);
        return Number.isFinite(value) ? { type: 'number', value } : undefined;
      }
      case 'name': {
        if (token.text in LITERALS) return { type: 'value', value: LITERALS[token.text as keyof typeof LITERALS] };
        const steps: DirectNode[] = [{ type: 'name', value: token.text }];
        while (peek()?.text === '.') {
          take();
          const step = take();
          if (step?.kind !== 'name' || step.text in LITERALS) return undefined;
          steps.push({ type: 'name', value: step.text });
        }
        return { type: 'path', steps };
      }
      case 'operator': {
        if (token.text !== '(') return undefined;
        const inner = expression();
        return inner && take()?.text === ')' ? { type: 'block', expressions: [inner] } : undefined;
      }
    }
  };

  const concat = binary(['&'], operandNode);
  const comparison = binary(['=', '!=', '<', '<=', '>', '>='], concat);
  const and = binary(['and'], comparison);
  const expression = binary(['or'], and);

  const tree = expression();
  return tree && at === tokens.length ? tree : undefined;
}

const LITERALS = { true: true, false: false, null: null } as const;
/** Names JSONata reads as operators or keywords; a path step may not be one. */
const RESERVED = new Set(['and', 'or', 'in', 'function']);

interface Token {
  kind: 'string' | 'number' | 'name' | 'operator';
  text: string;
}

// One token at the start of the rest of the source: JSONata's whitespace, strings without escapes,
// numbers, ASCII names and the operators above.
const TOKEN = /^(?:([ \t\n\r\v]+)|'([^'\\]*)'|"([^"\\]*)"|((?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)(?![\w.])|([A-Za-z_][A-Za-z0-9_]*)(?![^ \t\n\r\v.()&=!<>])|(!=|<=|>=|[.()&=<>]))/;

function tokenize(source: string): Token[] | undefined {
  const tokens: Token[] = [];
  for (let rest = source; rest.length; ) {
    const match = TOKEN.exec(rest);
    if (!match) return undefined;
    rest = rest.slice(match[0].length);
    const [, space, single, double, number, name, operator] = match;
    if (space !== undefined) continue;
    if (single !== undefined || double !== undefined) tokens.push({ kind: 'string', text: single ?? double! });
    else if (number !== undefined) tokens.push({ kind: 'number', text: number });
    else if (name !== undefined) {
      if (RESERVED.has(name)) tokens.push({ kind: 'operator', text: name });
      else tokens.push({ kind: 'name', text: name });
    } else tokens.push({ kind: 'operator', text: operator! });
  }
  return tokens;
}
