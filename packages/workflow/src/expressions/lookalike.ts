import { compileExpression } from './compile';
import { CONTEXT_ROOTS } from './context';

/** `event.data.invoiceId`, `steps.fetch.output.id`, `vars.attempts`, `run.id`: a path into the context, and nothing else. */
const CONTEXT_PATH = new RegExp(`^(?:${CONTEXT_ROOTS.join('|')})(?:\\.[A-Za-z_$][\\w$]*)+$`);
/** A placeholder that reads the context; `{{ invoice.number }}` is left alone, for text.render_template's own placeholders. */
const READS_CONTEXT = new RegExp(`^(?:${CONTEXT_ROOTS.join('|')})\\b`);

/**
 * The expression a literal string was probably meant to be, or undefined when it reads as text:
 * a bare context path (`event.data.x`), a template-engine placeholder (`{{ event.data.x }}`), or
 * text with placeholders (`Invoice {{ event.data.id }} is overdue`, which becomes a
 * concatenation). Placeholders must read the context: text.render_template's template has its own. Stored as a literal, each would reach the action as those very characters.
 * Only suggestions that parse are made; linear in the length of the text.
 */
export function expressionInLiteral(text: string): string | undefined {
  const trimmed = text.trim();
  if (CONTEXT_PATH.test(trimmed)) return trimmed;
  const parts = templateParts(text);
  if (!parts || !parts.some((part) => part.expression !== undefined)) return undefined;
  const pieces = parts
    .filter((part) => part.text !== '' || part.expression !== undefined)
    .map((part) => (part.expression === undefined ? JSON.stringify(part.text) : parts.length === 1 || /^[\w$.]+$/.test(part.expression) ? part.expression : `(${part.expression})`));
  const suggestion = pieces.length === 1 ? pieces[0]! : pieces.join(' & ');
  return compileExpression(suggestion).ok ? suggestion : undefined;
}

type TemplatePart = { text: string; expression?: undefined } | { text: ''; expression: string };

/** Text and `{{ … }}` placeholders in order, or undefined when a placeholder is unclosed or does not read the context. */
function templateParts(text: string): TemplatePart[] | undefined {
  const parts: TemplatePart[] = [];
  let from = 0;
  for (let open = text.indexOf('{{'); open !== -1; open = text.indexOf('{{', from)) {
    const close = text.indexOf('}}', open + 2);
    if (close === -1) return undefined;
    const expression = text.slice(open + 2, close).trim();
    if (!READS_CONTEXT.test(expression)) return undefined;
    parts.push({ text: text.slice(from, open) }, { text: '', expression });
    from = close + 2;
  }
  parts.push({ text: text.slice(from) });
  // A lone placeholder with nothing but blanks around it is the expression itself.
  const meaningful = parts.filter((part) => part.expression !== undefined || part.text.trim() !== '');
  return meaningful.length === 1 ? meaningful : parts;
}
