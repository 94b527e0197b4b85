import { ROW_HEIGHT, type DraftNode, type Position } from './draft';

/**
 * How a node holding a body (a forEach) is drawn: a group with the node's own card on top, its
 * body's steps inside, and its other ports along the bottom. Steps are placed relative to the
 * group's corner, as React Flow places a child node, so a stored body position is what the canvas
 * shows. The group's size is never stored: it is the box around its steps.
 */

/** The width of a card (fixed by the stylesheet). */
export const NODE_WIDTH = 220;
/** Room around the steps inside a group. */
export const BODY_PADDING = 24;
/** The group's own card: type, title, summary, a problem, its controls and the entry port's label. */
export const BODY_HEADER = 112;
/** The row of the group's outgoing ports along its bottom edge. */
export const BODY_PORT_ROW = 28;
/** A folded group: its card and one row of controls. */
export const COLLAPSED_EXTRA = 34;

/** A folded group's height before it is measured: its card's lines, its port row, a problem line, its controls. */
export const foldedGroupHeight = (ports: number, problems: number): number => 66 + (ports > 0 ? 26 : 0) + (problems > 0 ? 30 : 0) + COLLAPSED_EXTRA;

/** Where a step of a body that was never placed is drawn: one row per step, below the group's card. */
export const bodyDefaultPosition = (index: number): Position => ({ x: BODY_PADDING, y: BODY_HEADER + BODY_PADDING + index * ROW_HEIGHT });

/** The size of an open group: the box around its steps, never smaller than one step needs. */
export function groupSize(steps: ReadonlyArray<{ position: Position; width: number; height: number }>): { width: number; height: number } {
  let right = NODE_WIDTH + BODY_PADDING;
  let bottom = BODY_HEADER + BODY_PADDING + 60;
  for (const { position, width, height } of steps) {
    right = Math.max(right, position.x + width);
    bottom = Math.max(bottom, position.y + height);
  }
  return { width: Math.max(NODE_WIDTH + 2 * BODY_PADDING, right + BODY_PADDING), height: bottom + BODY_PADDING + BODY_PORT_ROW };
}

/** A step as the canvas holds it: its place in the group and its size once known. */
export interface DrawnStep {
  position: Position;
  measured?: { width?: number | undefined; height?: number | undefined } | undefined;
}

/** The size of an open group around its steps as drawn; a step not measured yet counts as a card's width, half as tall. */
export const groupSizeAround = (steps: readonly DrawnStep[]): { width: number; height: number } =>
  groupSize(steps.map((step) => ({ position: step.position, width: step.measured?.width ?? NODE_WIDTH, height: step.measured?.height ?? NODE_WIDTH / 2 })));

/** Where a step of a body sits, placed or not. */
export const stepPosition = (node: DraftNode, index: number): Position => node.position ?? bodyDefaultPosition(index);

/**
 * The entry port's handle: under the group's card, straight above the step it leads to (where a
 * step placed by default, or laid out by tidy-up, has its way in), so the entry edge runs straight.
 */
export const entryHandleAt = (entered: Position | undefined, width = NODE_WIDTH): Position => ({ x: (entered?.x ?? BODY_PADDING) + width / 2, y: BODY_HEADER });
