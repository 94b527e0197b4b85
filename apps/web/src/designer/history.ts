import type { DraftDefinition } from './draft';

/**
 * Undo and redo over whole definitions. Every edit is a pure function that copies only the path it
 * changes (edit.ts), so consecutive entries share all untouched nodes and edges: an entry costs a
 * reference, not a copy, and recording one is constant work however large the workflow.
 */
export interface History {
  /** Definitions before each edit, oldest first. */
  past: readonly DraftDefinition[];
  /** Definitions undone, the next redo last. */
  future: readonly DraftDefinition[];
  /**
   * What the last recorded edit was (a field being typed into, nodes being dragged). A further edit
   * of the same kind joins its entry, so one inspector change or one drag is undone as one.
   */
  group: string | undefined;
}

/** Enough to walk back through a long session; older entries are dropped so memory stays bounded. */
export const HISTORY_LIMIT = 100;

export const emptyHistory: History = { past: [], future: [], group: undefined };

/** Records that `before` was replaced by an edit of kind `group` (undefined: an edit of its own). */
export function record(history: History, before: DraftDefinition, group?: string): History {
  if (group !== undefined && group === history.group) return { ...history, future: [] };
  const past = history.past.length >= HISTORY_LIMIT ? history.past.slice(1 - HISTORY_LIMIT) : history.past;
  return { past: [...past, before], future: [], group };
}

/** Ends the current group: the next edit starts an entry even if it is of the same kind. */
export const closeGroup = (history: History): History => (history.group === undefined ? history : { ...history, group: undefined });

export function undo(history: History, current: DraftDefinition): { history: History; definition: DraftDefinition } | undefined {
  const previous = history.past.at(-1);
  if (previous === undefined) return undefined;
  return { history: { past: history.past.slice(0, -1), future: [...history.future, current], group: undefined }, definition: previous };
}

export function redo(history: History, current: DraftDefinition): { history: History; definition: DraftDefinition } | undefined {
  const next = history.future.at(-1);
  if (next === undefined) return undefined;
  return { history: { past: [...history.past, current], future: history.future.slice(0, -1), group: undefined }, definition: next };
}
