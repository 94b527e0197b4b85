import { describe, expect, it } from 'vitest';
import { ENVELOPE_FIELDS, RUN_FIELDS } from './context';
import { ENVELOPE_FIELD_LIST, eventFieldList, RUN_FIELD_LIST } from './context-fields';

describe('the described context', () => {
  it('describes every envelope field and every run field an expression may read, and no other', () => {
    expect([...new Set(ENVELOPE_FIELD_LIST.map((field) => field.path.split('.')[0]))]).toEqual([...ENVELOPE_FIELDS]);
    expect(RUN_FIELD_LIST.map((field) => field.path)).toEqual([...RUN_FIELDS]);
    expect([...ENVELOPE_FIELD_LIST, ...RUN_FIELD_LIST].every((field) => (field.description ?? '').length > 0)).toBe(true);
  });

  it('puts an event type’s payload beneath data', () => {
    const fields = eventFieldList([{ path: 'lines[].sku', type: 'string', optional: false }]);
    expect(fields.at(-1)).toEqual({ path: 'data.lines[].sku', type: 'string', optional: false });
  });
});
