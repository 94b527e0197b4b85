/** What a key press in the designer asks for. */
export type Command = 'undo' | 'redo' | 'copy' | 'cut' | 'paste' | 'duplicate' | 'delete' | 'selectAll' | 'deselect' | 'save' | 'shortcuts';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The designer's keyboard shortcuts, as the shortcut sheet lists them. Ctrl on Windows and Linux is ⌘ on a Mac. */
export const SHORTCUTS: ReadonlyArray<{ keys: readonly string[]; does: string }> = [
  { keys: ['Ctrl Z'], does: 'Undo' },
  { keys: ['Ctrl Shift Z', 'Ctrl Y'], does: 'Redo' },
  { keys: ['Ctrl C'], does: 'Copy the selected nodes' },
  { keys: ['Ctrl X'], does: 'Cut the selected nodes' },
  { keys: ['Ctrl V'], does: 'Paste at the pointer' },
  { keys: ['Ctrl D'], does: 'Duplicate the selected nodes' },
  { keys: ['Delete', 'Backspace'], does: 'Delete the selected nodes and edges' },
  { keys: ['Ctrl A'], does: 'Select all' },
  { keys: ['Escape'], does: 'Clear the selection' },
  { keys: ['Shift click', 'Shift drag'], does: 'Add to the selection / select a box' },
  { keys: ['Tab', 'Enter'], does: 'Focus a node / select it' },
  { keys: ['Arrow keys'], does: 'Move the selected nodes (Shift: further)' },
  { keys: ['Ctrl S'], does: 'Save the draft' },
  { keys: ['?'], does: 'Show these shortcuts' },
];

/** The command a key press asks for, or undefined when the designer leaves it to the browser. */
export function commandFor(press: KeyPress): Command | undefined {
  const key = press.key.toLowerCase();
  const mod = press.ctrlKey || press.metaKey;
  if (press.altKey) return undefined;
  if (mod) {
    if (key === 'z') return press.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && !press.shiftKey) return 'redo';
    if (press.shiftKey) return undefined;
    return ({ c: 'copy', x: 'cut', v: 'paste', d: 'duplicate', a: 'selectAll', s: 'save' } as const)[key as 'c'];
  }
  if (key === 'delete' || key === 'backspace') return 'delete';
  if (key === 'escape') return 'deselect';
  if (press.key === '?') return 'shortcuts';
  return undefined;
}

/**
 * Whether a key press belongs to a field being typed into (an input, a select, the JSON editor):
 * there Ctrl-Z undoes typing and Backspace deletes a character, not a node.
 */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable="true"], [role="textbox"], dialog[open]') !== null;
}
