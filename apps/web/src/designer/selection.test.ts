import { describe, expect, it } from 'vitest';
import { applySelectChanges } from './selection';

describe('selection from React Flow', () => {
  it('replaces a single selection with a click on another node, in either order of the changes', () => {
    expect(applySelectChanges(['a'], [{ id: 'a', selected: false }, { id: 'b', selected: true }])).toEqual(['b']);
    expect(applySelectChanges(['a'], [{ id: 'b', selected: true }, { id: 'a', selected: false }])).toEqual(['b']);
  });

  it('adds Shift-clicked and boxed nodes last, and keeps the same list when nothing changed', () => {
    expect(applySelectChanges(['a'], [{ id: 'c', selected: true }, { id: 'b', selected: true }])).toEqual(['a', 'c', 'b']);
    const same = ['a', 'b'];
    expect(applySelectChanges(same, [{ id: 'a', selected: true }])).toBe(same);
  });
});
