/** Graph algorithms over node ids and directed edges; pure, and deterministic in the order given. */

export interface GraphEdge {
  from: string;
  to: string;
}

function adjacency(edges: readonly GraphEdge[], direction: 'forward' | 'backward'): Map<string, string[]> {
  const neighbours = new Map<string, string[]>();
  for (const { from, to } of edges) {
    const [key, value] = direction === 'forward' ? [from, to] : [to, from];
    neighbours.set(key, [...(neighbours.get(key) ?? []), value]);
  }
  return neighbours;
}

function closure(start: string, neighbours: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const queue = [...(neighbours.get(start) ?? [])];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(neighbours.get(id) ?? []));
  }
  return seen;
}

/** The nodes reachable from `start`, including `start` itself. */
export function reachableFrom(start: string, edges: readonly GraphEdge[]): Set<string> {
  return new Set([start, ...closure(start, adjacency(edges, 'forward'))]);
}

/** The nodes with a path to `target`; `target` itself only when it lies on a cycle. */
export function ancestorsOf(target: string, edges: readonly GraphEdge[]): Set<string> {
  return closure(target, adjacency(edges, 'backward'));
}

/**
 * The edges that close a cycle: those a depth-first walk meets pointing back at a node it is still
 * inside. Walks start from `nodeIds` in order (put the entry first), so the edge reported is the
 * one that leads back, as a reader of the graph would name it. Without these edges the graph is acyclic.
 */
export function findCycleEdges<Edge extends GraphEdge>(nodeIds: readonly string[], edges: readonly Edge[]): Edge[] {
  const outgoing = new Map<string, Edge[]>();
  for (const edge of edges) outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge]);
  const state = new Map<string, 'open' | 'done'>();
  const closing: Edge[] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const edge of outgoing.get(id) ?? []) {
      const target = state.get(edge.to);
      if (target === 'open') closing.push(edge);
      else if (target === undefined) visit(edge.to);
    }
    state.set(id, 'done');
  };
  for (const id of nodeIds) if (!state.has(id)) visit(id);
  return closing;
}

/** Nodes ordered so every edge points forward, ties kept in the given order; undefined for a cyclic graph. */
export function topologicalOrder(nodeIds: readonly string[], edges: readonly GraphEdge[]): string[] | undefined {
  const known = new Set(nodeIds);
  const inner = edges.filter((edge) => known.has(edge.from) && known.has(edge.to));
  const incoming = new Map(nodeIds.map((id) => [id, 0]));
  for (const edge of inner) incoming.set(edge.to, incoming.get(edge.to)! + 1);
  const outgoing = adjacency(inner, 'forward');
  const ready = nodeIds.filter((id) => incoming.get(id) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const next of outgoing.get(id) ?? []) {
      incoming.set(next, incoming.get(next)! - 1);
      if (incoming.get(next) === 0) ready.push(next);
    }
  }
  return order.length === nodeIds.length ? order : undefined;
}

/**
 * For each node reachable from `entry`, the nodes that have certainly run before it, whichever
 * branches were taken: those on every path from the entry, except that a node which waits for
 * all its incoming branches (a join in `all` mode) has run after every one of them. `before` is
 * what had run before the entry. Edges that close a cycle are ignored.
 */
export function alwaysRunBefore(
  entry: string,
  edges: readonly GraphEdge[],
  waitsForAllBranches: (id: string) => boolean,
  before: ReadonlySet<string> = new Set(),
): Map<string, Set<string>> {
  const reachable = reachableFrom(entry, edges);
  const cycleEdges = new Set(findCycleEdges([...reachable], edges));
  const acyclic = edges.filter((edge) => !cycleEdges.has(edge) && reachable.has(edge.from) && reachable.has(edge.to));
  const predecessors = adjacency(acyclic, 'backward');
  const result = new Map<string, Set<string>>([[entry, new Set(before)]]);
  for (const id of topologicalOrder([...reachable], acyclic) ?? []) {
    if (id === entry) continue;
    const branches = (predecessors.get(id) ?? []).map((from) => new Set([...result.get(from)!, from]));
    result.set(id, waitsForAllBranches(id) ? union(branches) : intersection(branches));
  }
  return result;
}

function union(sets: Set<string>[]): Set<string> {
  return new Set(sets.flatMap((set) => [...set]));
}

function intersection([first, ...rest]: Set<string>[]): Set<string> {
  return new Set([...(first ?? [])].filter((id) => rest.every((set) => set.has(id))));
}
