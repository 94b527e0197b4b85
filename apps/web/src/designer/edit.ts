import { bodyOf, type DraftDefinition, type DraftNode, type Position } from './draft';
import { nextEdgeId } from './ids';
import { acceptsIncoming, portFansOut, portOf } from './ports';

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

/** Why the connection cannot be drawn, or undefined when it can. */
export function connectionProblem(definition: DraftDefinition, { from, to }: Connection): string | undefined {
  if (from === to) return 'A node cannot lead to itself';
  const target = definition.nodes.find((node) => node.id === to);
  if (!acceptsIncoming(target)) return target ? 'Nothing leads into a trigger: it starts the workflow' : `There is no node "${to}"`;
  return undefined;
}

/**
 * Leads `port` of `from` to `to`. A port leads to one node, so an earlier edge on it is replaced
 * (re-routing a branch is one drag); only a parallel node's port gains another branch.
 */
export function connect(definition: DraftDefinition, connection: Connection): DraftDefinition {
  if (connectionProblem(definition, connection)) return definition;
  const { from, port, to } = connection;
  const source = definition.nodes.find((node) => node.id === from);
  const onPort = definition.edges.filter((edge) => edge.from === from && portOf(edge) === port);
  if (onPort.some((edge) => edge.to === to)) return definition;
  const kept = portFansOut(source) ? definition.edges : definition.edges.filter((edge) => !onPort.includes(edge));
  return { ...definition, edges: [...kept, { id: nextEdgeId(definition), from, to, port }] };
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
