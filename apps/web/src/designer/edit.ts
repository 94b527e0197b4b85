import { reachableFrom } from '@cascade/workflow';
import { bodyOf, type DraftDefinition, type DraftNode, type Position } from './draft';
import { nextEdgeId } from './ids';
import { acceptsIncoming, canvasPortsOf, portFansOut, portOf } from './ports';

/**
 * Every change the designer makes to a definition, as a pure function from one definition to the
 * next. The canvas and the inspector only ever call these; nothing else writes the JSON.
 */

/** Fields set to undefined are removed, so clearing an optional field leaves no trace in the JSON. */
function withPatch<Item extends Record<string, unknown>>(item: Item, patch: Record<string, unknown>): Item {
  const next: Record<string, unknown> = { ...item, ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === undefined) delete next[key];
  return next as Item;
}

export function addNode(definition: DraftDefinition, node: DraftNode): DraftDefinition {
  return { ...definition, nodes: [...definition.nodes, node] };
}

export function updateNode(definition: DraftDefinition, id: string, patch: Record<string, unknown>): DraftDefinition {
  return { ...definition, nodes: definition.nodes.map((node) => (node.id === id ? withPatch(node, patch) : node)) };
}

export function updateWorkflow(definition: DraftDefinition, patch: Record<string, unknown>): DraftDefinition {
  return withPatch(definition, patch);
}

/** Positions are whole pixels: sub-pixel drag noise would only churn the stored JSON. */
export function moveNode(definition: DraftDefinition, id: string, position: Position): DraftDefinition {
  const rounded = { x: Math.round(position.x), y: Math.round(position.y) };
  const node = definition.nodes.find((candidate) => candidate.id === id);
  // A move that lands where the node already is changes nothing, so it leaves no undo step.
  if (!node || (node.position?.x === rounded.x && node.position.y === rounded.y)) return definition;
  return updateNode(definition, id, { position: rounded });
}

/**
 * Puts nodes where a drag (or a tidy-up) left them (whole pixels), in one pass: the one edit a whole drag of any
 * number of nodes makes, committed when it ends. Ids that are not nodes are left alone.
 */
export function moveNodes(definition: DraftDefinition, moves: ReadonlyMap<string, Position>): DraftDefinition {
  if (moves.size === 0) return definition;
  let moved = false;
  const nodes = definition.nodes.map((node) => {
    const to = moves.get(node.id);
    if (!to) return node;
    const position = { x: Math.round(to.x), y: Math.round(to.y) };
    if (node.position?.x === position.x && node.position.y === position.y) return node;
    moved = true;
    return { ...node, position };
  });
  // A drag that ends where it began (a click) is no edit: nothing to save, nothing to undo.
  return moved ? { ...definition, nodes } : definition;
}

/**
 * Gives a node a new id and points its edges (and a forEach body's item edge) at it. Expressions
 * that read `steps.<old id>` are left as written; the validator points them out.
 */
export function renameNode(definition: DraftDefinition, from: string, to: string): DraftDefinition {
  const rename = (id: string) => (id === from ? to : id);
  return {
    ...definition,
    nodes: definition.nodes.map((node) => {
      if (node.id !== from) return node;
      const body = bodyOf(node);
      const renamed = { ...node, id: to };
      return body ? { ...renamed, body: { ...(node.body as object), edges: body.edges.map((e) => ({ ...e, from: rename(e.from), to: rename(e.to) })) } } : renamed;
    }),
    edges: definition.edges.map((edge) => ({ ...edge, from: rename(edge.from), to: rename(edge.to) })),
  };
}

export function removeNodes(definition: DraftDefinition, ids: readonly string[]): DraftDefinition {
  const removed = new Set(ids);
  return {
    ...definition,
    nodes: definition.nodes.filter((node) => !removed.has(node.id)),
    edges: definition.edges.filter((edge) => !removed.has(edge.from) && !removed.has(edge.to)),
  };
}

export function removeEdges(definition: DraftDefinition, ids: readonly string[]): DraftDefinition {
  const removed = new Set(ids);
  return { ...definition, edges: definition.edges.filter((edge) => !removed.has(edge.id)) };
}

export interface Connection {
  from: string;
  port: string;
  to: string;
}

/** Why no edge can join these two nodes, whatever leaves `from` already; undefined when one can. */
export function connectionProblem(definition: DraftDefinition, { from, to }: Connection): string | undefined {
  if (from === to) return 'A node cannot lead to itself';
  const target = definition.nodes.find((node) => node.id === to);
  if (!target) return `There is no node "${to}"`;
  if (!acceptsIncoming(target)) return 'A trigger has no input: it starts the workflow';
  return undefined;
}

/** Why the port cannot gain this edge: one edge per port, except a parallel node's. */
function portProblem(definition: DraftDefinition, { from, port, to }: Connection): string | undefined {
  const onPort = definition.edges.filter((edge) => edge.from === from && portOf(edge) === port);
  if (onPort.some((edge) => edge.to === to)) return `Port "${port}" already leads to "${to}"`;
  const source = definition.nodes.find((node) => node.id === from);
  if (onPort.length > 0 && !portFansOut(source)) return `Port "${port}" already has an edge (to "${onPort[0]!.to}"); delete it first, or lead it into a parallel node`;
  return undefined;
}

/**
 * Why the canvas refuses to draw this edge, or undefined when it may: the validator's structure
 * rules (packages/workflow's validate/structure.ts: no way into a trigger, one edge per port, no
 * cycles) asked of one edge before it exists, so the pointer is told what publishing would refuse.
 */
export function newEdgeProblem(definition: DraftDefinition, connection: Connection): string | undefined {
  const problem = connectionProblem(definition, connection) ?? portProblem(definition, connection);
  if (problem) return problem;
  const { from, to } = connection;
  return reachableFrom(to, definition.edges).has(from) ? `This edge would create a cycle: "${to}" already leads to "${from}"; repeat work with a forEach instead` : undefined;
}

/**
 * Leads `port` of `from` to `to`. A port leads to one node (only a parallel node's fans out): an
 * edge on a port that has one already is refused, as the canvas refuses it, never quietly replaced.
 */
export function connect(definition: DraftDefinition, connection: Connection): DraftDefinition {
  if (connectionProblem(definition, connection) ?? portProblem(definition, connection)) return definition;
  const { from, port, to } = connection;
  return { ...definition, edges: [...definition.edges, { id: nextEdgeId(definition), from, to, port }] };
}

/**
 * Puts a new node on an edge: the edge's source port now leads into the node, and the node's first
 * port on to the edge's old target. A node with no way in or no way out (a trigger, an end) cannot
 * sit between two others; it is added beside them, unconnected.
 */
export function insertNodeOnEdge(definition: DraftDefinition, edgeId: string, node: DraftNode): DraftDefinition {
  const added = addNode(definition, node);
  const edge = definition.edges.find((candidate) => candidate.id === edgeId);
  const out = canvasPortsOf(node)[0];
  if (!edge || out === undefined || !acceptsIncoming(node)) return added;
  const into = { ...edge, to: node.id };
  const onward = { id: nextEdgeId(added), from: node.id, to: edge.to, port: out };
  return { ...added, edges: [...added.edges.map((candidate) => (candidate === edge ? into : candidate)), onward] };
}

/** Renames a port of a node (a switch case) and moves the edges leaving by it along. */
export function renamePort(definition: DraftDefinition, nodeId: string, from: string, to: string): DraftDefinition {
  return {
    ...definition,
    edges: definition.edges.map((edge) => (edge.from === nodeId && portOf(edge) === from ? { ...edge, port: to } : edge)),
  };
}

/** Removes the edges leaving a node by a port that is going away (a deleted switch case). */
export function removePortEdges(definition: DraftDefinition, nodeId: string, port: string): DraftDefinition {
  return { ...definition, edges: definition.edges.filter((edge) => !(edge.from === nodeId && portOf(edge) === port)) };
}
