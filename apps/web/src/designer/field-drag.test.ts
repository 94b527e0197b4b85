import type { ScopeField } from '@cascade/workflow';
import { describe, expect, it } from 'vitest';
import { createBrowserCatalog } from './browser-catalog';
import { FIELD_DRAG_TYPE, carriesField, dropFit, readFieldDrag, writeFieldDrag, type FieldDragData } from './field-drag';
import { loggingWorkflow } from './fixtures';
import { scopeFields } from './suggestions';

/** What the browser's `DataTransfer` does with data: a store by format, its formats listed in `types`. */
function dataTransfer(entries: Record<string, string> = {}): FieldDragData & { effectAllowed?: string } {
  const store = new Map(Object.entries(entries));
  return {
    get types() {
      return [...store.keys()];
    },
    getData: (format) => store.get(format) ?? '',
    setData: (format, data) => void store.set(format, data),
  };
}

const catalog = createBrowserCatalog({ customEvents: [] });
const fields = scopeFields(loggingWorkflow(), 'end_1', { kind: 'run' }, catalog);

function field(path: string): ScopeField {
  const find = (list: readonly ScopeField[]): ScopeField | undefined => list.map((entry) => (entry.path === path ? entry : find(entry.children))).find(Boolean);
  return find(fields)!;
}

describe('a field dragged from the data picker', () => {
  it('carries its path under the field type and as plain text, to be copied', () => {
    const data = dataTransfer();
    writeFieldDrag(data, 'event.data.ticketId');
    expect(data.getData(FIELD_DRAG_TYPE)).toBe('event.data.ticketId');
    expect(data.getData('text/plain')).toBe('event.data.ticketId');
    expect(data.effectAllowed).toBe('copy');
    expect(carriesField(data)).toBe(true);
    expect(readFieldDrag(data)).toBe('event.data.ticketId');
  });

  it('reads back quoted names and wildcards as the picker writes them', () => {
    for (const path of ['steps.fetch.output.`content-type`', 'vars.*', 'steps.lines.item', '$x']) {
      const data = dataTransfer();
      writeFieldDrag(data, path);
      expect(readFieldDrag(data)).toBe(path);
    }
  });

  it('is not read from a drag of plain text, or from none', () => {
    expect(carriesField(dataTransfer({ 'text/plain': 'event.data.ticketId' }))).toBe(false);
    expect(readFieldDrag(dataTransfer({ 'text/plain': 'event.data.ticketId' }))).toBeUndefined();
    expect(readFieldDrag(null)).toBeUndefined();
  });

  it('refuses anything under the field type that is not a plain path: a drop inserts a path, never an expression', () => {
    const hostile = ['', 'event.data.ticketId & $eval("1")', 'event.data\n.ticketId', 'steps.`a\nb`', 'event..data', '.event', 'event.data.', `event.${'a'.repeat(2_000)}`, '{"$expr":"x"}'];
    for (const payload of hostile) expect(readFieldDrag(dataTransfer({ [FIELD_DRAG_TYPE]: payload })), JSON.stringify(payload.slice(0, 40))).toBeUndefined();
  });
});

describe('whether a dragged field fits its target', () => {
  it('fits an input of its own type, and an integer a number input', () => {
    expect(dropFit(field('event.data.ticketId'), { name: 'message', type: 'string' })).toEqual({ fits: true });
    expect(dropFit(field('event.data.overdueBySeconds'), { name: 'ratio', type: 'number' })).toEqual({ fits: true });
  });

  it('says why text does not fit a number input, by the validator’s words', () => {
    expect(dropFit(field('event.data.ticketId'), { name: 'timeoutMs', type: 'integer' })).toEqual({ fits: false, why: 'event.data.ticketId is string, but timeoutMs takes integer' });
  });

  it('fits anywhere when either side is untyped', () => {
    expect(dropFit(field('event.data.ticketId'), undefined)).toEqual({ fits: true });
    expect(dropFit(field('event.data.ticketId'), { name: 'body', type: 'unknown' })).toEqual({ fits: true });
  });
});
