import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { completeAt } from '../suggestions';

/** JSONata's built-in functions most workflows reach for, offered after `$`. */
export const FUNCTIONS: readonly { name: string; detail: string }[] = [
  { name: '$string', detail: 'value as text' },
  { name: '$number', detail: 'text as a number' },
  { name: '$boolean', detail: 'truthiness' },
  { name: '$not', detail: 'negation' },
  { name: '$exists', detail: 'whether a value is there' },
  { name: '$count', detail: 'items in a list' },
  { name: '$sum', detail: 'sum of a list' },
  { name: '$max', detail: 'largest of a list' },
  { name: '$min', detail: 'smallest of a list' },
  { name: '$average', detail: 'mean of a list' },
  { name: '$length', detail: 'characters in text' },
  { name: '$substring', detail: 'part of text' },
  { name: '$uppercase', detail: 'text in capitals' },
  { name: '$lowercase', detail: 'text in small letters' },
  { name: '$trim', detail: 'text without outer blanks' },
  { name: '$contains', detail: 'whether text holds a part' },
  { name: '$split', detail: 'text cut into a list' },
  { name: '$join', detail: 'a list joined into text' },
  { name: '$replace', detail: 'text with parts replaced' },
  { name: '$keys', detail: 'an object’s keys' },
  { name: '$lookup', detail: 'an object’s value by key' },
  { name: '$merge', detail: 'objects merged' },
  { name: '$map', detail: 'a function over a list' },
  { name: '$filter', detail: 'items a function accepts' },
  { name: '$round', detail: 'number rounded' },
  { name: '$now', detail: 'the evaluation instant' },
  { name: '$toMillis', detail: 'ISO 8601 instant to epoch ms' },
  { name: '$fromMillis', detail: 'epoch ms to ISO 8601' },
];

/**
 * CodeMirror's completions for the path at the cursor: the context paths in scope, ranked by the
 * designer's one `completeAt` (prefix matches, then any part), and JSONata functions after `$`.
 */
export function expressionCompletions(suggestions: () => readonly string[]) {
  return (context: CompletionContext): CompletionResult | null => {
    const text = context.state.doc.toString();
    const functionName = context.matchBefore(/\$[A-Za-z]*$/);
    if (functionName) {
      const options: Completion[] = FUNCTIONS.filter((f) => f.name.startsWith(functionName.text)).map((f) => ({ label: f.name, detail: f.detail, type: 'function', apply: `${f.name}(` }));
      return options.length > 0 ? { from: functionName.from, options, filter: false } : null;
    }
    const completion = completeAt(text, context.pos, suggestions());
    if (completion.options.length === 0) return null;
    return {
      from: completion.from,
      to: completion.to,
      // Already ranked: CodeMirror's own fuzzy filter would reorder what completeAt put first.
      filter: false,
      options: completion.options.map((option, index) => ({ label: option, type: 'property', boost: -index })),
    };
  };
}
