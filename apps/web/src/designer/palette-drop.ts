import { isNodeType } from '@cascade/workflow';
import { z } from 'zod';
import type { DraftDefinition, Position } from './draft';
import { updateNode } from './edit';
import type { PaletteDrop } from './palette-items';
import type { DesignerAction } from './store';

/** The drag data type a palette entry carries: its `PaletteDrop` as JSON. */
export const PALETTE_DRAG_TYPE = 'application/x-cascade-palette';

const paletteDropSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('node'), nodeType: z.string().refine(isNodeType), fields: z.record(z.string(), z.unknown()).optional() }),
  z.object({ kind: z.literal('trigger'), event: z.string().min(1) }),
]);

/** What a drop carries, when it is a palette entry; anything else dragged in (text, a file, another page's data) is not. */
export function readPaletteDrop(data: string): PaletteDrop | undefined {
  try {
    const parsed = paletteDropSchema.safeParse(JSON.parse(data));
    return parsed.success ? (parsed.data as PaletteDrop) : undefined;
  } catch {
    return undefined;
  }
}

/** Where on the canvas an entry was dropped: on an edge (of any graph), or into the body of node `parent`. */
export interface PaletteTarget {
  onEdge?: string | undefined;
  parent?: string | undefined;
}

/**
 * The edit a palette entry makes where it is dropped (or, from the keyboard, where new nodes go):
 * a node, put on `onEdge` when it was dropped on one, else into the body of `parent` when it was
 * dropped in an open group (`position` is then relative to the group). An event starts the
 * workflow: the trigger switches to it (a workflow has one trigger); without one, a trigger on it
 * is added, on the top level, as a body is entered by its node's port, never by an event.
 */
export function paletteDropAction(definition: DraftDefinition, drop: PaletteDrop, position: Position, { onEdge, parent }: PaletteTarget = {}): DesignerAction {
  if (drop.kind === 'node') {
    // A trigger starts the workflow: it joins no body, and has no input to sit on an edge by.
    const place = drop.nodeType === 'trigger' ? {} : onEdge ? { onEdge } : parent ? { parent } : {};
    return { type: 'addNode', nodeType: drop.nodeType, position, ...(drop.fields ? { fields: drop.fields } : {}), ...place };
  }
  const trigger = definition.nodes.find((node) => node.type === 'trigger');
  if (!trigger) return { type: 'addNode', nodeType: 'trigger', position, fields: { event: drop.event } };
  return { type: 'edit', apply: (d) => updateNode(d, trigger.id, { event: drop.event }), select: [trigger.id] };
}
