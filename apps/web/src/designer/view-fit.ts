/** A rectangle in flow coordinates. */
export interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Placed {
  position: { x: number; y: number };
  measured?: { width?: number; height?: number };
  parentId?: string;
}

/**
 * The rectangle the top-level cards cover (a body's steps lie inside their group), or undefined
 * for an empty canvas. Linear in the nodes; derived once per change of them, not per frame.
 */
export function topLevelBounds(nodes: readonly Placed[]): Bounds | undefined {
  let bounds: Bounds | undefined;
  for (const node of nodes) {
    if (node.parentId) continue;
    const { x, y } = node.position;
    const right = x + (node.measured?.width ?? 0);
    const bottom = y + (node.measured?.height ?? 0);
    bounds = bounds
      ? { left: Math.min(bounds.left, x), top: Math.min(bounds.top, y), right: Math.max(bounds.right, right), bottom: Math.max(bounds.bottom, bottom) }
      : { left: x, top: y, right, bottom };
  }
  return bounds;
}

/** Whether `bounds` lies whole inside a pane of `pane`'s size under the view transform `[x, y, zoom]`. */
export function boundsInView(bounds: Bounds | undefined, [x, y, zoom]: readonly [number, number, number], pane: { width: number; height: number }): boolean {
  if (!bounds) return true;
  return bounds.left * zoom + x >= 0 && bounds.top * zoom + y >= 0 && bounds.right * zoom + x <= pane.width && bounds.bottom * zoom + y <= pane.height;
}
