import { allEdgeIds, allNodeIds, bodyOf, defaultPosition, type DraftDefinition, type DraftEdge, type DraftNode, type Position } from './draft';
import { firstFree } from './ids';

/** Nodes copied from a workflow with the edges between them: what paste and duplicate put back. */
export interface Clipboard {
  nodes: readonly DraftNode[];
  edges: readonly DraftEdge[];
}

/** How far a duplicate lands from its original, so both stay visible. */
export const DUPLICATE_OFFSET = 40;

/**
 * The selected nodes and the edges between them. An edge to a node left behind has nowhere to
 * lead once pasted, so it is dropped; the trigger is the workflow's one root and is never copied.
 */
export function copyNodes(definition: DraftDefinition, ids: readonly string[]): Clipboard | undefined {
  const chosen = new Set(ids);
  const nodes = definition.nodes
    .map((node, index) => (node.position ? node : { ...node, position: defaultPosition(index) }))
    .filter((node) => chosen.has(node.id) && node.type !== 'trigger');
  if (nodes.length === 0) return undefined;
  const copied = new Set(nodes.map((node) => node.id));
  return { nodes, edges: definition.edges.filter((edge) => copied.has(edge.from) && copied.has(edge.to)) };
}

/**
 * Adds the clipboard's nodes with ids no node or edge of the workflow uses (forEach bodies
 * included, as ids are unique across them), their top-left corner at `at`. Expressions that read
 * `steps.<old id>` are left as written; the validator points them out.
 */
export function pasteNodes(definition: DraftDefinition, clipboard: Clipboard, at: Position): { definition: DraftDefinition; ids: string[] } {
  const takenNodes = new Set(allNodeIds(definition.nodes));
  const takenEdges = new Set(allEdgeIds(definition.nodes, definition.edges));
  const renamed = new Map<string, string>();
  // Each prefix's search resumes where its last one stopped, so pasting many nodes stays linear.
  const resumeAt = new Map<string, number>();
  const claim = (taken: Set<string>, prefix: string) => {
    const id = firstFree(prefix, taken, resumeAt.get(prefix));
    taken.add(id);
    resumeAt.set(prefix, Number(id.slice(prefix.length)) + 1);
    return id;
  };
  const assign = (nodes: readonly DraftNode[]): void => {
    for (const node of nodes) {
      renamed.set(node.id, claim(takenNodes, `${node.type}_`));
      assign(bodyOf(node)?.nodes ?? []);
    }
  };
  assign(clipboard.nodes);
  const renameEdges = (edges: readonly DraftEdge[]) =>
    edges.map((edge) => ({ ...edge, id: claim(takenEdges, 'e'), from: renamed.get(edge.from) ?? edge.from, to: renamed.get(edge.to) ?? edge.to }));
  const renameNodes = (nodes: readonly DraftNode[]): DraftNode[] =>
    nodes.map((node) => {
      const body = bodyOf(node);
      const copy = { ...node, id: renamed.get(node.id)! };
      return body ? { ...copy, body: { ...(node.body as object), nodes: renameNodes(body.nodes), edges: renameEdges(body.edges) } } : copy;
    });

  const origin = topLeft(clipboard.nodes);
  const placed = renameNodes(clipboard.nodes).map((node) => {
    const position = node.position ?? origin;
    return { ...node, position: { x: Math.round(at.x + position.x - origin.x), y: Math.round(at.y + position.y - origin.y) } };
  });
  return {
    definition: { ...definition, nodes: [...definition.nodes, ...placed], edges: [...definition.edges, ...renameEdges(clipboard.edges)] },
    ids: placed.map((node) => node.id),
  };
}

/** Where a duplicate of the clipboard goes: next to where it was copied from. */
export function besideOriginal(clipboard: Clipboard): Position {
  const origin = topLeft(clipboard.nodes);
  return { x: origin.x + DUPLICATE_OFFSET, y: origin.y + DUPLICATE_OFFSET };
}

function topLeft(nodes: readonly DraftNode[]): Position {
  const positions = nodes.flatMap((node) => (node.position ? [node.position] : []));
  if (positions.length === 0) return { x: 0, y: 0 };
  return { x: Math.min(...positions.map((p) => p.x)), y: Math.min(...positions.map((p) => p.y)) };
}
