import { z } from 'zod';

/**
 * A sticky note on the canvas: text for the workflow's readers, stored with the definition so it
 * travels with it (versions, export, templates). It is not a node: no edge leads to or from it, the
 * validator checks only its shape, and the interpreter never sees it.
 */
export const stickyNoteSchema = z.strictObject({
  id: z.string().min(1, 'A note id is required').max(100),
  text: z.string().max(5_000, 'A note holds at most 5,000 characters'),
  position: z.strictObject({ x: z.number(), y: z.number() }),
  width: z.number().positive().max(4_000).optional(),
  height: z.number().positive().max(4_000).optional(),
});
export type StickyNote = z.output<typeof stickyNoteSchema>;

/** Notes of one workflow: enough for any reader, few enough that none weighs on the designer. */
export const stickyNotesSchema = z.array(stickyNoteSchema).max(500, 'A workflow holds at most 500 notes');
