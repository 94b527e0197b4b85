/** Graph algorithms over node ids and directed edges; pure, and deterministic in the order given. */

export interface GraphEdge {
  from: string;
  to: string;
}

function adjacency(edges: readonly GraphEdge[], direction: 'forward' | 'backward'): Map<string, string[]> {
  const neighbours = new Map<string, string[]>();
  for (const { from, to } of edges) {
    const [key, value] = direction === 'forward' ? [from, to] : [to, from];
    const list = neighbours.get(key);
    if (list) list.push(value);
    else neighbours.set(key, [value]);
  }
  return neighbours;
}

/** Breadth first, so a node's set lists the nearest nodes first. */
function closure(start: string, neighbours: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const queue = [...(neighbours.get(start) ?? [])];
  for (let next = 0; next < queue.length; next++) {
    const id = queue[next]!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const neighbour of neighbours.get(id) ?? []) queue.push(neighbour);
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
  for (const edge of edges) {
    const list = outgoing.get(edge.from);
    if (list) list.push(edge);
    else outgoing.set(edge.from, [edge]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const closing: Edge[] = [];
  // An explicit stack of (node, next edge to follow): a long chain must not exhaust the call stack.
  for (const root of nodeIds) {
    if (state.has(root)) continue;
    state.set(root, 'open');
    const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edge = outgoing.get(top.id)?.[top.next++];
      if (!edge) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const target = state.get(edge.to);
      if (target === 'open') closing.push(edge);
      else if (target === undefined) {
        state.set(edge.to, 'open');
        stack.push({ id: edge.to, next: 0 });
      }
    }
  }
  return closing;
}

/** Nodes ordered so every edge points forward, ties kept in the given order; undefined for a cyclic graph. */
export function topologicalOrder(nodeIds: readonly string[], edges: readonly GraphEdge[]): string[] | undefined {
  const known = new Set(nodeIds);
  const inner = edges.filter((edge) => known.has(edge.from) && known.has(edge.to));
  const incoming = new Map(nodeIds.map((id) => [id, 0]));
  for (const edge of inner) incoming.set(edge.to, incoming.get(edge.to)! + 1);
  const outgoing = adjacency(inner, 'forward');
  const order = nodeIds.filter((id) => incoming.get(id) === 0);
  for (let index = 0; index < order.length; index++) {
    for (const target of outgoing.get(order[index]!) ?? []) {
      incoming.set(target, incoming.get(target)! - 1);
      if (incoming.get(target) === 0) order.push(target);
    }
  }
  return order.length === nodeIds.length ? order : undefined;
}
