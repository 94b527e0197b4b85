import { reachableFrom } from '@cascade/workflow';
import { bodyPortOfNode, editEveryGraph, editGraph, editGraphOf, findNode, graphOf, sameScope, scopeOf, scopeOfEdge, type Graph } from './bodies';
import type { DraftDefinition, DraftNode, Position } from './draft';
import { nextEdgeId } from './ids';
import { acceptsIncoming, canvasPortsOf, portFansOut, portOf } from './ports';

/**
 * Every change the designer makes to a definition, as a pure function from one definition to the
 * next. The canvas and the inspector only ever call these; nothing else writes the JSON. Each works
 * on a node wherever it sits, the bodies of forEach nodes included (bodies.ts finds its graph).
 */

/** Fields set to undefined are removed, so clearing an optional field leaves no trace in the JSON. */
function withPatch<Item extends Record<string, unknown>>(item: Item, patch: Record<string, unknown>): Item {
  const next: Record<string, unknown> = { ...item, ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === undefined) delete next[key];
  return next as Item;
}

/** Adds the node to the top level, or to the body of node `parent`. */
export function addNode(definition: DraftDefinition, node: DraftNode, parent?: string): DraftDefinition {
  if (parent === undefined) return { ...definition, nodes: [...definition.nodes, node] };
  const scope = scopeOf(definition, parent);
  return scope ? editGraph(definition, [...scope, parent], (graph) => ({ ...graph, nodes: [...graph.nodes, node] })) : definition;
}

export function updateNode(definition: DraftDefinition, id: string, patch: Record<string, unknown>): DraftDefinition {
  return editGraphOf(definition, id, (graph) => ({ ...graph, nodes: graph.nodes.map((node) => (node.id === id ? withPatch(node, patch) : node)) }));
}

export function updateWorkflow(definition: DraftDefinition, patch: Record<string, unknown>): DraftDefinition {
  return withPatch(definition, patch);
}

/** Positions are whole pixels: sub-pixel drag noise would only churn the stored JSON. */
export function moveNode(definition: DraftDefinition, id: string, position: Position): DraftDefinition {
  return moveNodes(definition, new Map([[id, position]]));
}

/**
 * Puts nodes where a drag (or a tidy-up) left them (whole pixels), in one pass: the one edit a whole drag of any
 * number of nodes makes, committed when it ends. Ids that are not nodes are left alone. A node in a
 * body is placed relative to the body's group, as the canvas draws it.
 */
export function moveNodes(definition: DraftDefinition, moves: ReadonlyMap<string, Position>): DraftDefinition {
  if (moves.size === 0) return definition;
  // A drag that ends where it began (a click) is no edit: nothing to save, nothing to undo.
  return editEveryGraph(definition, (graph) => {
    let moved = false;
    const nodes = graph.nodes.map((node) => {
      const to = moves.get(node.id);
      if (!to) return node;
      const position = { x: Math.round(to.x), y: Math.round(to.y) };
      if (node.position?.x === position.x && node.position.y === position.y) return node;
      moved = true;
      return { ...node, position };
    });
    return moved ? { ...graph, nodes } : graph;
  });
}

/**
 * Gives a node a new id and points its edges (a body's entry edge included) at it. Expressions
 * that read `steps.<old id>` are left as written; the validator points them out.
 */
export function renameNode(definition: DraftDefinition, from: string, to: string): DraftDefinition {
  const rename = (id: string) => (id === from ? to : id);
  return editEveryGraph(definition, (graph) => ({
    ...graph,
    nodes: graph.nodes.map((node) => (node.id === from ? { ...node, id: to } : node)),
    edges: graph.edges.map((edge) => (edge.from === from || edge.to === from ? { ...edge, from: rename(edge.from), to: rename(edge.to) } : edge)),
  }));
}

/** Removes nodes (a body with the node holding it) and every edge that touches them. */
export function removeNodes(definition: DraftDefinition, ids: readonly string[]): DraftDefinition {
  const removed = new Set(ids);
  return editEveryGraph(definition, (graph) => {
    const nodes = graph.nodes.filter((node) => !removed.has(node.id));
    const edges = graph.edges.filter((edge) => !removed.has(edge.from) && !removed.has(edge.to));
    return nodes.length === graph.nodes.length && edges.length === graph.edges.length ? graph : { ...graph, nodes, edges };
  });
}

export function removeEdges(definition: DraftDefinition, ids: readonly string[]): DraftDefinition {
  const removed = new Set(ids);
  return editEveryGraph(definition, (graph) => {
    const edges = graph.edges.filter((edge) => !removed.has(edge.id));
    return edges.length === graph.edges.length ? graph : { ...graph, edges };
  });
}

export interface Connection {
  from: string;
  port: string;
  to: string;
}

/**
 * Why no edge can join these two nodes, whatever leaves `from` already; undefined when one can. An
 * edge stays within one graph: a body's steps lead to each other, and into the body only its node's
 * entry port leads.
 */
export function connectionProblem(definition: DraftDefinition, { from, port, to }: Connection): string | undefined {
  if (from === to) return 'A node cannot lead to itself';
  const target = findNode(definition, to);
  if (!target) return `There is no node "${to}"`;
  if (!acceptsIncoming(target)) return 'A trigger has no input: it starts the workflow';
  const fromScope = scopeOf(definition, from);
  const toScope = scopeOf(definition, to)!;
  if (!fromScope) return `There is no node "${from}"`;
  const entry = bodyPortOfNode(findNode(definition, from));
  if (entry !== undefined && port === entry) {
    return sameScope(toScope, [...fromScope, from]) ? undefined : `The ${port} port of ${from} leads into its body: connect it to a step inside`;
  }
  if (!sameScope(fromScope, toScope)) return toScope.length > 0 ? `${to} is inside the body of ${toScope.at(-1)}: only its own steps lead to it` : `${from} is inside the body of ${fromScope.at(-1)}: it leads only to steps of that body`;
  return undefined;
}

/**
 * The edges of the graph an edge into `to` would join (a body's entry edge is its body's own); asked
 * once connectionProblem has found `to` in the same graph as `from`, or in its body.
 */
const edgesBeside = (definition: DraftDefinition, to: string) => graphOf(definition, to)?.edges ?? [];

/** Why the port cannot gain this edge: one edge per port, except a parallel node's. */
function portProblem(definition: DraftDefinition, { from, port, to }: Connection): string | undefined {
  const onPort = edgesBeside(definition, to).filter((edge) => edge.from === from && portOf(edge) === port);
  if (onPort.some((edge) => edge.to === to)) return `Port "${port}" already leads to "${to}"`;
  if (onPort.length > 0 && !portFansOut(findNode(definition, from))) return `Port "${port}" already has an edge (to "${onPort[0]!.to}"); delete it first, or lead it into a parallel node`;
  return undefined;
}

/**
 * Why the canvas refuses to draw this edge, or undefined when it may: the validator's structure
 * rules (packages/workflow's validate/structure.ts: no way into a trigger, one edge per port, no
 * cycles, a body's steps kept apart from the graph around it) asked of one edge before it exists,
 * so the pointer is told what publishing would refuse.
 */
export function newEdgeProblem(definition: DraftDefinition, connection: Connection): string | undefined {
  const problem = connectionProblem(definition, connection) ?? portProblem(definition, connection);
  if (problem) return problem;
  const { from, to } = connection;
  return reachableFrom(to, edgesBeside(definition, to)).has(from) ? `This edge would create a cycle: "${to}" already leads to "${from}"; repeat work with a forEach instead` : undefined;
}

/**
 * Leads `port` of `from` to `to`. A port leads to one node (only a parallel node's fans out): an
 * edge on a port that has one already is refused, as the canvas refuses it, never quietly replaced.
 * The edge is kept by the graph of `to`: a body's entry edge is the body's own.
 */
export function connect(definition: DraftDefinition, connection: Connection): DraftDefinition {
  if (connectionProblem(definition, connection) ?? portProblem(definition, connection)) return definition;
  const { from, port, to } = connection;
  const id = nextEdgeId(definition);
  return editGraphOf(definition, to, (graph: Graph) => ({ ...graph, edges: [...graph.edges, { id, from, to, port }] }));
}

/** The graph whose edges leave by the node's ports: its own, where a body's entry edge too is kept by its body. */
function editEdgesFrom(definition: DraftDefinition, nodeId: string, edit: (graph: Graph) => Graph): DraftDefinition {
  return editEveryGraph(definition, (graph) => (graph.edges.some((edge) => edge.from === nodeId) ? edit(graph) : graph));
}

/**
 * Puts a new node on an edge, in the graph holding the edge (a body's, too): the edge's source port
 * now leads into the node, and the node's first port on to the edge's old target. A node with no
 * way in or no way out (a trigger, an end) cannot sit between two others; it is added beside them,
 * unconnected. Its position is taken as it is: relative to the body's group for a body's edge.
 */
export function insertNodeOnEdge(definition: DraftDefinition, edgeId: string, node: DraftNode): DraftDefinition {
  const scope = scopeOfEdge(definition, edgeId);
  const added = addNode(definition, node, scope?.at(-1));
  const out = canvasPortsOf(node)[0];
  if (scope === undefined || out === undefined || !acceptsIncoming(node)) return added;
  const id = nextEdgeId(added);
  return editGraph(added, scope, (graph) => {
    const edge = graph.edges.find((candidate) => candidate.id === edgeId)!;
    const onward = { id, from: node.id, to: edge.to, port: out };
    return { ...graph, edges: [...graph.edges.map((candidate) => (candidate === edge ? { ...edge, to: node.id } : candidate)), onward] };
  });
}

/** Renames a port of a node (a switch case) and moves the edges leaving by it along. */
export function renamePort(definition: DraftDefinition, nodeId: string, from: string, to: string): DraftDefinition {
  return editEdgesFrom(definition, nodeId, (graph) => ({
    ...graph,
    edges: graph.edges.map((edge) => (edge.from === nodeId && portOf(edge) === from ? { ...edge, port: to } : edge)),
  }));
}

/** Removes the edges leaving a node by a port that is going away (a deleted switch case). */
export function removePortEdges(definition: DraftDefinition, nodeId: string, port: string): DraftDefinition {
  return editEdgesFrom(definition, nodeId, (graph) => ({ ...graph, edges: graph.edges.filter((edge) => !(edge.from === nodeId && portOf(edge) === port)) }));
}
