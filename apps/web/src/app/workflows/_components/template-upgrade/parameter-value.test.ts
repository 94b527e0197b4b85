import { describe, expect, it } from 'vitest';
import { controlFor, readParameterValue } from './parameter-value';

describe('asking for a template parameter', () => {
  it('picks a control from the parameter’s schema', () => {
    expect(controlFor({ type: 'string', minLength: 1 })).toEqual({ kind: 'text' });
    expect(controlFor({ type: ['integer', 'null'] })).toEqual({ kind: 'number' });
    expect(controlFor({ type: 'boolean' })).toEqual({ kind: 'boolean' });
    expect(controlFor({ enum: ['low', 2] })).toEqual({ kind: 'choice', options: ['low', 2] });
    expect(controlFor({ type: 'array', items: { type: 'string' } })).toEqual({ kind: 'json' });
    expect(controlFor(undefined)).toEqual({ kind: 'json' });
  });

  it('reads what was typed as the schema’s kind of value, and a mistake as typed so the server names it', () => {
    expect(readParameterValue({ kind: 'text' }, '#billing')).toBe('#billing');
    expect(readParameterValue({ kind: 'text' }, '')).toBeUndefined();
    expect(readParameterValue({ kind: 'number' }, '45')).toBe(45);
    expect(readParameterValue({ kind: 'number' }, 'soon')).toBe('soon');
    expect(readParameterValue({ kind: 'number' }, ' ')).toBeUndefined();
    expect(readParameterValue({ kind: 'boolean' }, 'false')).toBe(false);
    expect(readParameterValue({ kind: 'choice', options: ['low', 2] }, '2')).toBe(2);
    expect(readParameterValue({ kind: 'json' }, '["a","b"]')).toEqual(['a', 'b']);
    expect(readParameterValue({ kind: 'json' }, '[oops')).toBe('[oops');
  });
});
