import { describe, expect, it } from 'vitest';
import { pickerProblems, pickerSites, placeErrors, uiSchemaFor } from './parameter-pickers';

const schema = {
  type: 'object',
  properties: {
    event: { type: 'string', 'x-picker': 'event-type' },
    owner: { type: 'string', 'x-picker': 'user' },
    assignees: { type: 'array', items: { type: 'string', 'x-picker': 'user' } },
    token: { type: 'string', 'x-picker': 'secret' },
    days: { type: 'integer', minimum: 1 },
  },
};

describe('parameter pickers', () => {
  it('gives each declared picker its widget, a list of users one multiple choice, other parameters none', () => {
    expect(uiSchemaFor(schema)).toEqual({
      'ui:order': ['*'],
      event: { 'ui:widget': 'eventTypePicker' },
      owner: { 'ui:widget': 'userPicker' },
      assignees: { 'ui:widget': 'userPicker' },
      token: { 'ui:widget': 'secretPicker' },
    });
  });

  it('finds pickers on parameters and array items only, with their JSON pointers', () => {
    const sites = pickerSites({ type: 'object', properties: { 'a/b': { 'x-picker': 'user', properties: { deep: { 'x-picker': 'user' } } } } });
    expect(sites).toEqual([{ parameter: 'a/b', pointer: '/properties/a~1b', onItems: false, value: 'user', type: undefined }]);
  });

  it('names the pickers it does not know, at their pointer, and draws them as plain fields', () => {
    const typo = { type: 'object', properties: { e: { type: 'string', 'x-picker': 'evnt-type' }, l: { type: 'array', items: { 'x-picker': 3 } } } };
    expect(pickerProblems(typo).map(({ pointer, received }) => ({ pointer, received }))).toEqual([
      { pointer: '/properties/e/x-picker', received: '"evnt-type"' },
      { pointer: '/properties/l/items/x-picker', received: '3' },
    ]);
    expect(uiSchemaFor(typo)).toEqual({ 'ui:order': ['*'] });
    expect(pickerProblems(schema)).toEqual([]);
  });

  it('refuses a picker on a value that is not a string, pointing at its type', () => {
    const numeric = { type: 'object', properties: { n: { type: 'integer', 'x-picker': 'user' }, l: { type: 'array', 'x-picker': 'user', items: { type: 'string' } } } };
    expect(pickerProblems(numeric)).toEqual([
      { pointer: '/properties/n/type', message: 'A user picker chooses a string', expected: '"string"', received: '"integer"' },
      { pointer: '/properties/l/type', message: 'A user picker chooses a string', expected: '"string"', received: '"array"' },
    ]);
  });

  it('reads schemas that are not objects as having no pickers', () => {
    for (const odd of [null, 'x', [], { properties: [] }, { properties: { a: null } }]) expect(uiSchemaFor(odd)).toEqual({ 'ui:order': ['*'] });
  });

  it('lists the required parameters first, in the order of required, since the stored schema keeps no order of keys', () => {
    const ordered = { ...schema, required: ['token', 'event', 'token', 'missing', 4] };
    expect(uiSchemaFor(ordered)['ui:order']).toEqual(['token', 'event', '*']);
  });
});

describe('placing the errors of a refused instantiation', () => {
  it('puts parameter errors beside their parameter and the rest above the form', () => {
    const placed = placeErrors([
      { path: '/body/parameters/days', message: 'must be >= 1', expected: 'must be >= 1' },
      { path: '/body/parameters/assignees/0', message: 'must be string', expected: 'string' },
      { path: '/body/parameters/a~1b', message: 'must be string' },
      { path: '/body/name', message: 'The name is taken' },
      { path: '/body/parameters', message: 'must NOT have additional properties' },
      { message: 'no path' },
      { path: 7, message: 8 },
    ]);
    expect(placed.byParameter).toEqual({
      days: ['must be >= 1 (expected must be >= 1)'],
      assignees: ['0: must be string (expected string)'],
      'a/b': ['must be string'],
    });
    expect(placed.general).toEqual(['/body/name: The name is taken', '/body/parameters: must NOT have additional properties', 'no path', 'is invalid']);
  });
});
