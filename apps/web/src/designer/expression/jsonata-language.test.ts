import { StringStream } from '@codemirror/language';
import { describe, expect, it } from 'vitest';
import { jsonataParser } from './jsonata-language';

/** The styled tokens of one line, as CodeMirror's stream parser splits it (blanks left out). */
function tokens(line: string): Array<[string, string | null]> {
  const state = jsonataParser.startState!(2);
  const stream = new StringStream(line, 2, 2);
  const found: Array<[string, string | null]> = [];
  while (!stream.eol()) {
    const style = jsonataParser.token(stream, state);
    const text = stream.current();
    if (text.trim() !== '') found.push([text, style]);
    stream.start = stream.pos;
  }
  return found;
}

describe('JSONata highlighting', () => {
  it('tells paths, operators, strings, numbers and keywords apart', () => {
    expect(tokens('event.data.amount > 1000 and event.data.status = "PAID"')).toEqual([
      ['event', 'propertyName'], ['.', 'operator'], ['data', 'propertyName'], ['.', 'operator'], ['amount', 'propertyName'],
      ['>', 'operator'], ['1000', 'number'], ['and', 'keyword'],
      ['event', 'propertyName'], ['.', 'operator'], ['data', 'propertyName'], ['.', 'operator'], ['status', 'propertyName'],
      ['=', 'operator'], ['"PAID"', 'string'],
    ]);
  });

  it('marks function calls, variables, atoms and quoted names', () => {
    expect(tokens('$count(event.data.`line-items`) = $n or true')).toEqual([
      ['$count', 'function(variableName)'], ['(', 'punctuation'], ['event', 'propertyName'], ['.', 'operator'], ['data', 'propertyName'], ['.', 'operator'],
      ['`line-items`', 'propertyName'], [')', 'punctuation'], ['=', 'operator'], ['$n', 'variableName'], ['or', 'keyword'], ['true', 'atom'],
    ]);
  });

  it('reads / as division after a value and as a regular expression elsewhere', () => {
    expect(tokens('(a + 1) / 2')).toContainEqual(['/', 'operator']);
    expect(tokens('$match(event.data.sku, /^AB-\\d+$/i)')).toContainEqual(['/^AB-\\d+$/i', 'regexp']);
  });

  it('keeps := and != whole, and a string with an escaped quote as one token', () => {
    expect(tokens('$x := "say \\"hi\\"" != ""').map(([, style]) => style)).toEqual(['variableName', 'operator', 'string', 'operator', 'string']);
    expect(tokens('$x := 1')[1]).toEqual([':=', 'operator']);
  });

  it('carries a block comment over lines', () => {
    const state = jsonataParser.startState!(2);
    const first = new StringStream('a /* note', 2, 2);
    first.start = first.pos;
    jsonataParser.token(first, state);
    first.start = first.pos;
    expect(jsonataParser.token(first, state)).toBe(null); // the blank
    first.start = first.pos;
    expect(jsonataParser.token(first, state)).toBe('comment');
    const second = new StringStream('still */ b', 2, 2);
    expect(jsonataParser.token(second, state)).toBe('comment');
    expect(second.current()).toBe('still */');
  });

  it('goes through a long hostile line in linear time, never stuck on a character', () => {
    const line = '("'.repeat(20_000) + '/'.repeat(20_000) + '`'.repeat(5_000);
    const started = performance.now();
    expect(tokens(line).length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
