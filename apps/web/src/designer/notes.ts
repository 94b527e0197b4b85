import type { DraftDefinition, Position } from './draft';

/** A sticky note as a draft holds it (packages/workflow's `stickyNoteSchema` once published). */
export interface DraftNote {
  id: string;
  text: string;
  position: Position;
  width?: number;
  height?: number;
}

/** Notes share the canvas with nodes but not their ids: theirs are prefixed there. */
export const NOTE_PREFIX = 'note:';
export const noteFlowId = (id: string) => `${NOTE_PREFIX}${id}`;
export const noteIdOf = (flowId: string): string | undefined => (flowId.startsWith(NOTE_PREFIX) ? flowId.slice(NOTE_PREFIX.length) : undefined);

const isNote = (value: unknown): value is DraftNote =>
  typeof value === 'object' && value !== null && typeof (value as DraftNote).id === 'string' && typeof (value as DraftNote).position === 'object' && (value as DraftNote).position !== null;

/** A draft's `notes`, as far as they can be drawn; a draft without any has none. */
export const readNotes = (notes: unknown): DraftNote[] => (Array.isArray(notes) ? notes.filter(isNote) : []);

export const notesOf = (definition: DraftDefinition): DraftNote[] => readNotes(definition.notes);

function withNotes(definition: DraftDefinition, notes: DraftNote[]): DraftDefinition {
  if (notes.length > 0) return { ...definition, notes };
  const { notes: _, ...rest } = definition;
  return rest as DraftDefinition;
}

export function addNote(definition: DraftDefinition, position: Position): { definition: DraftDefinition; id: string } {
  const notes = notesOf(definition);
  const taken = new Set(notes.map((note) => note.id));
  let number = notes.length + 1;
  while (taken.has(`note_${number}`)) number += 1;
  const id = `note_${number}`;
  return { definition: withNotes(definition, [...notes, { id, text: '', position: { x: Math.round(position.x), y: Math.round(position.y) } }]), id };
}

export function updateNoteText(definition: DraftDefinition, id: string, text: string): DraftDefinition {
  return withNotes(definition, notesOf(definition).map((note) => (note.id === id ? { ...note, text } : note)));
}

export function moveNotes(definition: DraftDefinition, moves: ReadonlyMap<string, Position>): DraftDefinition {
  if (moves.size === 0) return definition;
  return withNotes(definition, notesOf(definition).map((note) => {
    const to = moves.get(note.id);
    return to ? { ...note, position: { x: Math.round(to.x), y: Math.round(to.y) } } : note;
  }));
}

export function removeNotes(definition: DraftDefinition, ids: readonly string[]): DraftDefinition {
  const removed = new Set(ids);
  return withNotes(definition, notesOf(definition).filter((note) => !removed.has(note.id)));
}
