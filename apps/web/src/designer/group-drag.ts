import type { Position } from './draft';
import { groupSizeAround } from './group-geometry';

/** What sizing a group needs of a canvas node; React Flow's nodes, as `createFlowCache` derives them, have it. */
export interface CanvasBox {
  id: string;
  parentId?: string | undefined;
  position: Position;
  width?: number | undefined;
  height?: number | undefined;
  measured?: { width?: number | undefined; height?: number | undefined } | undefined;
}

/**
 * How far past a dragged step a group reaches once it has to grow: it then grows every few frames of
 * a drag rather than every one (each resize has React Flow measure the group and reroute its edges).
 */
export const DRAG_GROWTH_SLACK = 60;

/**
 * The canvas's nodes with each group holding a dragged node (and every group around that one) grown
 * to reach round its steps where the drag has them now, by the rule `createFlowCache` sizes groups
 * with: a step dragged past its group's border is drawn inside it all the way, not only once dropped.
 * A group never shrinks during a drag; the drop draws it at its exact size. Only those groups are
 * sized, from positions and sizes the nodes already hold: one pass over the nodes for their steps,
 * none when nothing dragged sits in a group (the nodes come back as they were), and a group that
 * need not grow keeps its object.
 */
export function growGroupsAroundDrag<Node extends CanvasBox>(nodes: Node[], dragged: { has(id: string): boolean }): Node[] {
  const draggedParents = new Set<string>();
  for (const node of nodes) if (node.parentId !== undefined && dragged.has(node.id)) draggedParents.add(node.parentId);
  if (draggedParents.size === 0) return nodes;

  const byId = new Map<string, Node>();
  for (const node of nodes) byId.set(node.id, node);
  const groups = new Set<string>();
  for (const first of draggedParents) for (let id: string | undefined = first; id !== undefined && !groups.has(id); id = byId.get(id)?.parentId) groups.add(id);
  const steps = new Map<string, Node[]>([...groups].map((id) => [id, []]));
  for (const node of nodes) if (node.parentId !== undefined) steps.get(node.parentId)?.push(node);
  const depth = (id: string) => {
    let levels = 0;
    for (let parent = byId.get(id)?.parentId; parent !== undefined; parent = byId.get(parent)?.parentId) levels += 1;
    return levels;
  };

  const resized = new Map<string, Node>();
  // Inner groups first, so the groups around them are sized around their new size.
  for (const id of [...groups].sort((a, b) => depth(b) - depth(a))) {
    const group = byId.get(id);
    if (!group) continue;
    const needed = groupSizeAround(steps.get(id)!.map((step) => resized.get(step.id) ?? step));
    const width = group.width === undefined || needed.width > group.width ? needed.width + DRAG_GROWTH_SLACK : group.width;
    const height = group.height === undefined || needed.height > group.height ? needed.height + DRAG_GROWTH_SLACK : group.height;
    if (width !== group.width || height !== group.height) resized.set(id, { ...group, width, height, measured: { width, height } });
  }
  return resized.size === 0 ? nodes : nodes.map((node) => resized.get(node.id) ?? node);
}
