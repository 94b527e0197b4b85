/**
 * The selection after React Flow's select changes (a click, Shift-click, a box drawn): ids it
 * deselects leave, ids it selects are added last, so the last one picked is the one the inspector shows.
 */
export function applySelectChanges(selected: readonly string[], changes: ReadonlyArray<{ id: string; selected: boolean }>): readonly string[] {
  if (changes.length === 0) return selected;
  const deselected = new Set(changes.filter((change) => !change.selected).map((change) => change.id));
  const kept = selected.filter((id) => !deselected.has(id));
  const present = new Set(kept);
  const added = changes.filter((change) => change.selected && !present.has(change.id)).map((change) => change.id);
  return added.length === 0 && kept.length === selected.length ? selected : [...kept, ...added];
}
