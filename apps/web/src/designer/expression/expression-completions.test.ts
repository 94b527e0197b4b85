import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { expressionCompletions } from './expression-completions';

const paths = ['event.data.ticketId', 'event.data.overdueBySeconds', 'event.correlationId', 'steps.fetch.output.status', 'vars.attempts'];

function complete(doc: string, caret = doc.length): CompletionResult | null {
  const state = EditorState.create({ doc, selection: { anchor: caret } });
  return expressionCompletions(() => paths)(new CompletionContext(state, caret, false)) as CompletionResult | null;
}

describe('expression completions', () => {
  it('offer the fields in scope for the path at the cursor, replacing what is typed of it', () => {
    const result = complete('event.data.over');
    expect(result?.options.map((option) => option.label)).toEqual(['event.data.overdueBySeconds']);
    expect(result?.from).toBe(0);
  });

  it('find a field by any part of its path, inside a longer expression', () => {
    const text = '"Ticket " & ticket & "!"';
    const caret = text.indexOf(' & "!"');
    const result = complete(text, caret);
    expect(result?.options.map((option) => option.label)).toEqual(['event.data.ticketId']);
    expect(text.slice(result!.from, result!.to)).toBe('ticket');
  });

  it('offer JSONata functions after $, inserted with their opening bracket', () => {
    const result = complete('$cou');
    expect(result?.options).toEqual([expect.objectContaining({ label: '$count', apply: '$count(' })]);
  });

  it('offer nothing where no path is being typed', () => {
    expect(complete('event.data.ticketId = ')).toBeNull();
    expect(complete('zzz')).toBeNull();
  });
});
