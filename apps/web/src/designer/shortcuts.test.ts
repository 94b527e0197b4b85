import { describe, expect, it } from 'vitest';
import { commandFor } from './shortcuts';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) =>
  commandFor({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('designer shortcuts', () => {
  it('undoes with Ctrl or Cmd Z and redoes with Shift Z or Y', () => {
    expect(press('z', { ctrlKey: true })).toBe('undo');
    expect(press('z', { metaKey: true })).toBe('undo');
    expect(press('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(press('y', { ctrlKey: true })).toBe('redo');
  });

  it('maps the clipboard, selection, save and help keys', () => {
    expect(['c', 'x', 'v', 'd', 'a', 's'].map((key) => press(key, { metaKey: true }))).toEqual(['copy', 'cut', 'paste', 'duplicate', 'selectAll', 'save']);
    expect([press('Delete'), press('Backspace'), press('Escape'), press('?', { shiftKey: true })]).toEqual(['delete', 'delete', 'deselect', 'shortcuts']);
  });

  it('leaves other keys to the browser', () => {
    expect(press('c')).toBeUndefined();
    expect(press('v', { ctrlKey: true, shiftKey: true })).toBeUndefined();
    expect(press('z', { ctrlKey: true, altKey: true })).toBeUndefined();
  });
});
