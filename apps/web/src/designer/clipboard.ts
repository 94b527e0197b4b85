import { editGraph, graphAt, nodePlaces, type Scope } from './bodies';
import { allEdgeIds, allNodeIds, bodyOf, defaultPosition, type DraftDefinition, type DraftEdge, type DraftNode, type Position } from './draft';
import { BODY_HEADER, BODY_PADDING, stepPosition } from './group-geometry';
import { firstFree } from './ids';

/** Nodes copied from one flow of a workflow with the edges between them: what paste and duplicate put back. */
export interface Clipboard {
  nodes: readonly DraftNode[];
  edges: readonly DraftEdge[];
  /** The flow they were copied from: [] for the top level, else the forEach bodies leading down to it. */
  scope: Scope;
  /** Selected nodes of other flows that were not copied (see `copyNodes`). */
  leftOut: number;
}

/** How far a duplicate lands from its original, so both stay visible. */
export const DUPLICATE_OFFSET = 40;

/**
 * The selected nodes of one flow (the top level or a forEach body) and the edges between them. An
 * edge to a node left behind has nowhere to lead once pasted, so it is dropped; the trigger is the
 * workflow's one root and is never copied; a step inside a selected forEach comes along with it.
 * Edges never cross from one flow to another, so of a selection spanning several flows only the one
 * holding most of it is copied (the first of them on a tie), and the rest counted in `leftOut`.
 */
export function copyNodes(definition: DraftDefinition, ids: readonly string[]): Clipboard | undefined {
  const places = nodePlaces(definition);
  const chosen = new Set(ids);
  const byFlow = new Map<string, { scope: Scope; ids: Set<string> }>();
  for (const id of chosen) {
    const place = places.get(id);
    if (!place || place.graph.nodes[place.index]!.type === 'trigger' || place.scope.some((owner) => chosen.has(owner))) continue;
    const key = place.scope.join('/');
    const flow = byFlow.get(key) ?? byFlow.set(key, { scope: place.scope, ids: new Set() }).get(key)!;
    flow.ids.add(id);
  }
  let copied: { scope: Scope; ids: Set<string> } | undefined;
  let selected = 0;
  for (const flow of byFlow.values()) {
    selected += flow.ids.size;
    if (!copied || flow.ids.size > copied.ids.size) copied = flow;
  }
  if (!copied) return undefined;
  const { scope, ids: kept } = copied;
  const graph = graphAt(definition, scope)!;
  const placed = (node: DraftNode, index: number) => (node.position ? node : { ...node, position: scope.length === 0 ? defaultPosition(index) : stepPosition(node, index) });
  return {
    nodes: graph.nodes.map(placed).filter((node) => kept.has(node.id)),
    edges: graph.edges.filter((edge) => kept.has(edge.from) && kept.has(edge.to)),
    scope,
    leftOut: selected - kept.size,
  };
}

/** What to tell the author when a copy left part of the selection behind, or undefined when it took it all. */
export function copyNotice(clipboard: Clipboard): string | undefined {
  if (clipboard.leftOut === 0) return undefined;
  const flow = clipboard.scope.length === 0 ? 'the top level' : `the body of ${clipboard.scope.at(-1)}`;
  return `Copied the ${clipboard.nodes.length} selected node(s) of ${flow} only: ${clipboard.leftOut} selected elsewhere were left out, as edges cannot cross into or out of a forEach body.`;
}

/**
 * Adds the clipboard's nodes to the flow at `scope` (the top level when that body is gone), with ids
 * no node or edge of the workflow uses (forEach bodies included, as ids are unique across them),
 * their top-left corner at `at` (relative to the group for a body). Expressions that read
 * `steps.<old id>` are left as written; the validator points them out.
 */
export function pasteNodes(definition: DraftDefinition, clipboard: Clipboard, at: Position, scope: Scope = []): { definition: DraftDefinition; ids: string[] } {
  const into = graphAt(definition, scope) ? scope : [];
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
  const edges = renameEdges(clipboard.edges);
  return {
    definition: editGraph(definition, into, (graph) => ({ nodes: [...graph.nodes, ...placed], edges: [...graph.edges, ...edges] })),
    ids: placed.map((node) => node.id),
  };
}

/** A group as the canvas draws it: its corner on the canvas and its size. */
export interface GroupBox {
  position: Position;
  width: number;
  height: number;
}

/**
 * Where a paste at the pointer goes: back into the body the nodes were copied from while the pointer
 * is over that body's group (`group`, undefined when it is not drawn open), below the group's card;
 * anywhere else on the top level, at the pointer.
 */
export function pasteTarget(clipboard: Clipboard, pointer: Position, group: GroupBox | undefined): { at: Position; scope: Scope } {
  const { position, width, height } = group ?? { position: pointer, width: -1, height: -1 };
  const over = pointer.x >= position.x && pointer.x <= position.x + width && pointer.y >= position.y && pointer.y <= position.y + height;
  if (!over || clipboard.scope.length === 0) return { at: pointer, scope: [] };
  return { at: { x: Math.max(BODY_PADDING, pointer.x - position.x), y: Math.max(BODY_HEADER + BODY_PADDING, pointer.y - position.y) }, scope: clipboard.scope };
}

/** Where a duplicate of the clipboard goes: next to where it was copied from, in the same flow. */
export function besideOriginal(clipboard: Clipboard): Position {
  const origin = topLeft(clipboard.nodes);
  return { x: origin.x + DUPLICATE_OFFSET, y: origin.y + DUPLICATE_OFFSET };
}

function topLeft(nodes: readonly DraftNode[]): Position {
  const positions = nodes.flatMap((node) => (node.position ? [node.position] : []));
  if (positions.length === 0) return { x: 0, y: 0 };
  return { x: Math.min(...positions.map((p) => p.x)), y: Math.min(...positions.map((p) => p.y)) };
}
