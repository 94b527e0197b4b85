import { bodyPortOf } from '@cascade/workflow';
import { bodyOf, type DraftEdge, type DraftNode } from './draft';

/**
 * A workflow is a graph of graphs: its top level, and the body each forEach (any node type the
 * registry says holds a body) carries in its `body` field. These helpers find where a node sits and
 * change one graph, copying only the path down to it, so the edits of edit.ts work at any depth.
 */
export interface Graph {
  nodes: DraftNode[];
  edges: DraftEdge[];
}

/** The ids of the nodes whose bodies lead down to a graph, outermost first: [] is the top level. */
export type Scope = readonly string[];

/** The port by which the node enters its body, or undefined when its type holds none. */
export const bodyPortOfNode = (node: DraftNode | undefined): string | undefined => (node ? bodyPortOf(node.type) : undefined);

/** Whether the node holds a body (drawn as a group on the canvas). */
export const holdsBody = (node: DraftNode | undefined): boolean => bodyPortOfNode(node) !== undefined;

export const sameScope = (a: Scope, b: Scope): boolean => a.length === b.length && a.every((id, index) => id === b[index]);

/** Where the node sits, or undefined when no graph of the workflow holds it. */
export function scopeOf(graph: Graph, id: string, scope: Scope = []): Scope | undefined {
  for (const node of graph.nodes) if (node.id === id) return scope;
  for (const node of graph.nodes) {
    const body = bodyOf(node);
    const found = body && scopeOf(body, id, [...scope, node.id]);
    if (found) return found;
  }
  return undefined;
}

/** Where the graph holding edge `edgeId` sits (a body's entry edge is its body's), or undefined when none does. */
export function scopeOfEdge(graph: Graph, edgeId: string, scope: Scope = []): Scope | undefined {
  if (graph.edges.some((edge) => edge.id === edgeId)) return scope;
  for (const node of graph.nodes) {
    const body = bodyOf(node);
    const found = body && scopeOfEdge(body, edgeId, [...scope, node.id]);
    if (found) return found;
  }
  return undefined;
}

/** Where a node sits: the graph holding it, that graph's scope, and its index among the graph's nodes. */
export interface NodePlace {
  graph: Graph;
  scope: Scope;
  index: number;
}

/** The place of every node at any depth, found in one pass (`scopeOf` for many ids would walk the workflow once per id). */
export function nodePlaces(graph: Graph, scope: Scope = [], places = new Map<string, NodePlace>()): Map<string, NodePlace> {
  graph.nodes.forEach((node, index) => {
    places.set(node.id, { graph, scope, index });
    const body = bodyOf(node);
    if (body) nodePlaces(body, [...scope, node.id], places);
  });
  return places;
}

/** The graph at `scope`, or undefined when that body is not there. */
export function graphAt(graph: Graph, scope: Scope): Graph | undefined {
  let at: Graph | undefined = graph;
  for (const owner of scope) {
    const node: DraftNode | undefined = at.nodes.find((candidate) => candidate.id === owner);
    at = node && bodyOf(node);
    if (!at) return undefined;
  }
  return at;
}

/** The graph that holds the node (its edges are the ones among its siblings). */
export function graphOf(graph: Graph, id: string): Graph | undefined {
  const scope = scopeOf(graph, id);
  return scope && graphAt(graph, scope);
}

/** A node at any depth. */
export function findNode(graph: Graph, id: string): DraftNode | undefined {
  return graphOf(graph, id)?.nodes.find((node) => node.id === id);
}

const withBody = (node: DraftNode, body: Graph): DraftNode => ({ ...node, body: { ...(node.body as object), nodes: body.nodes, edges: body.edges } });

/**
 * Applies `edit` to the graph at `scope`. The workflow comes back as it was when the edit changes
 * nothing (or the scope is not there), so such an edit leaves no undo step.
 */
export function editGraph<Root extends Graph>(root: Root, scope: Scope, edit: (graph: Graph) => Graph): Root {
  if (scope.length === 0) {
    const next = edit(root);
    return next === root ? root : { ...root, nodes: next.nodes, edges: next.edges };
  }
  const [owner, ...rest] = scope;
  let changed = false;
  const nodes = root.nodes.map((node) => {
    const body = node.id === owner ? bodyOf(node) : undefined;
    if (!body) return node;
    const next = editGraph(body, rest, edit);
    if (next === body) return node;
    changed = true;
    return withBody(node, next);
  });
  return changed ? { ...root, nodes } : root;
}

/** Applies `edit` to the graph holding node `id`; the workflow as it was when no graph holds it. */
export function editGraphOf<Root extends Graph>(root: Root, id: string, edit: (graph: Graph) => Graph): Root {
  const scope = scopeOf(root, id);
  return scope ? editGraph(root, scope, edit) : root;
}

/** Applies `edit` to every graph, the innermost bodies first: one pass over the whole workflow. */
export function editEveryGraph<Root extends Graph>(root: Root, edit: (graph: Graph) => Graph): Root {
  let changed = false;
  const nodes = root.nodes.map((node) => {
    const body = bodyOf(node);
    if (!body) return node;
    const next = editEveryGraph(body, edit);
    if (next === body) return node;
    changed = true;
    return withBody(node, next);
  });
  const inner = changed ? { ...root, nodes } : root;
  const next = edit(inner);
  return next === inner ? inner : { ...inner, nodes: next.nodes, edges: next.edges };
}
