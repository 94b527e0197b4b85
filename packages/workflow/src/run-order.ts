import { findCycleEdges, reachableFrom, topologicalOrder, type GraphEdge } from './graph';

/** Which nodes have certainly run before which, asked one pair at a time. */
export interface RunOrder {
  /** Whether a path leads from the entry to `node`. */
  reaches(node: string): boolean;
  /** Whether `step` has certainly run before `node`, whichever branches were taken; false when no path reaches `node`. */
  ranBefore(step: string, node: string): boolean;
}

/**
 * The nodes that have certainly run before a node, whichever branches were taken: those on every
 * path from the entry, except that a node which waits for all its incoming branches (a join in
 * `all` mode) has run after every one of them. Edges that close a cycle are ignored.
 *
 * Writing D(n) for n and what certainly ran before it: D(n) is n plus the intersection of D(p) over
 * its predecessors p, or their union at a node that waits for all. Each D(n) is closed downwards
 * (what ran before a step that ran before n ran before n), so it is n plus the union of D(m) over
 * its few greatest members m, "parents" of n. Without joins in `all` mode each node has one parent,
 * its immediate dominator, and this is the dominator tree of Cooper, Harvey and Kennedy's "A Simple,
 * Fast Dominance Algorithm". Sets are never materialised: memory is linear in the graph, parents are
 * found by walking down from the predecessors until the walks meet, and a question is answered on
 * a spanning tree of the parents (first parent each), leaving the tree only at nodes with several.
 */
export function runOrder(entry: string, edges: readonly GraphEdge[], waitsForAllBranches: (id: string) => boolean): RunOrder {
  const reachable = reachableFrom(entry, edges);
  const cycleEdges = new Set(findCycleEdges([...reachable], edges));
  const acyclic = edges.filter((edge) => !cycleEdges.has(edge) && reachable.has(edge.from) && reachable.has(edge.to));
  // Nodes are numbered in topological order, the entry 0: every parent has a smaller number.
  const ids = topologicalOrder([...reachable], acyclic)!;
  const rank = new Map(ids.map((id, index) => [id, index]));
  const predecessors: number[][] = ids.map(() => []);
  for (const edge of acyclic) predecessors[rank.get(edge.to)!]!.push(rank.get(edge.from)!);

  const parents: number[][] = [[]];
  for (let node = 1; node < ids.length; node++) {
    const [first, ...rest] = [...new Set(predecessors[node])] as [number, ...number[]];
    parents.push(waitsForAllBranches(ids[node]!) ? [first, ...rest] : rest.reduce((common, other) => greatestCommon(common, [other], parents), [first]));
  }
  const tree = spanningTree(parents);

  // For each node, the nearest node at or above it in the spanning tree with parents besides its first.
  const forked = new Int32Array(ids.length).fill(-1);
  for (let node = 1; node < ids.length; node++) forked[node] = parents[node]!.length > 1 ? node : forked[parents[node]![0]!]!;
  // At such a node: where its other parents sit in the tree, and where the paths through them fork next.
  const forks = new Map<number, { enters: number[]; onward: number[] }>();
  for (const [node, [, ...others]] of parents.entries()) {
    if (others.length === 0) continue;
    const onward = [...new Set(others.map((other) => forked[other]!).filter((fork) => fork >= 0))];
    forks.set(node, { enters: others.map((other) => tree.enter(other)).sort((a, b) => a - b), onward: onward.sort((a, b) => b - a) });
  }

  const ranBefore = (step: number, node: number): boolean => {
    if (step >= node) return false;
    if (tree.isAncestor(step, parents[node]![0]!)) return true;
    // Otherwise a path of parents from the node to the step leaves the spanning tree somewhere.
    const explored = new Set<number>();
    const pending = [forked[node]!];
    while (pending.length > 0) {
      for (let fork = pending.pop()!; fork > step && !explored.has(fork); fork = forked[parents[fork]![0]!]!) {
        explored.add(fork);
        const { enters, onward } = forks.get(fork)!;
        if (tree.anyBelow(step, enters)) return true;
        for (const next of onward) {
          if (next <= step) break;
          pending.push(next);
        }
      }
    }
    return false;
  };

  return {
    reaches: (node) => rank.has(node),
    ranBefore: (step, node) => {
      const [stepRank, nodeRank] = [rank.get(step), rank.get(node)];
      return stepRank !== undefined && nodeRank !== undefined && ranBefore(stepRank, nodeRank);
    },
  };
}

const LEFT = 1;
const RIGHT = 2;
const COVERED = 4;

/**
 * The greatest nodes below (or among) both `left` and `right`, the parents of a node whose
 * predecessors have these parents. Walks down from both sides, greatest number first so a node is
 * seen after everything above it, and stops as soon as the two walks can meet no more; in a tree
 * this is the two-finger intersection of Cooper, Harvey and Kennedy.
 */
function greatestCommon(left: number[], right: number[], parents: number[][]): number[] {
  const marks = new Map<number, number>();
  const queue = new MaxHeap();
  const open = [0, 0, 0]; // queued nodes, not covered, with the LEFT or the RIGHT mark (indexed by mark)
  const count = (marksOf: number, delta: number) => {
    if (marksOf & COVERED) return;
    if (marksOf & LEFT) open[LEFT]! += delta;
    if (marksOf & RIGHT) open[RIGHT]! += delta;
  };
  const mark = (node: number, added: number) => {
    const before = marks.get(node);
    if (before === undefined) queue.push(node);
    else count(before, -1);
    marks.set(node, (before ?? 0) | added);
    count((before ?? 0) | added, 1);
  };
  for (const node of left) mark(node, LEFT);
  for (const node of right) mark(node, RIGHT);
  const common: number[] = [];
  while (open[LEFT]! > 0 && open[RIGHT]! > 0) {
    const node = queue.pop()!;
    const found = marks.get(node)!;
    count(found, -1);
    const both = !(found & COVERED) && found & LEFT && found & RIGHT;
    if (both) common.push(node);
    // Below a common node everything is common, but not greatest.
    for (const parent of parents[node]!) mark(parent, both ? COVERED : found);
  }
  return common;
}

/** First parents form a tree rooted at 0; numbering it depth first answers "is a above b" at once. */
function spanningTree(parents: number[][]) {
  const children: number[][] = parents.map(() => []);
  for (let node = parents.length - 1; node > 0; node--) children[parents[node]![0]!]!.push(node);
  const enter = new Int32Array(parents.length);
  const leave = new Int32Array(parents.length);
  let clock = 0;
  const stack = [0];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node < 0) {
      leave[~node] = clock++;
      continue;
    }
    enter[node] = clock++;
    stack.push(~node, ...children[node]!);
  }
  /** Whether `above` is `below` or one of its ancestors in the tree. */
  const isAncestor = (above: number, below: number) => enter[above]! <= enter[below]! && leave[below]! <= leave[above]!;
  /** Whether one of the nodes entered at `enters` (sorted) is `above` or below it. */
  const anyBelow = (above: number, enters: number[]) => {
    let [low, high] = [0, enters.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (enters[middle]! < enter[above]!) low = middle + 1;
      else high = middle;
    }
    return low < enters.length && enters[low]! < leave[above]!;
  };
  return { isAncestor, anyBelow, enter: (node: number) => enter[node]! };
}

/** A binary heap of node numbers, greatest first. */
class MaxHeap {
  private readonly items: number[] = [];

  push(item: number): void {
    const items = this.items;
    let index = items.push(item) - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (items[parent]! >= item) break;
      items[index] = items[parent]!;
      index = parent;
    }
    items[index] = item;
  }

  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let index = 0;
    for (;;) {
      const child = 2 * index + 1;
      if (child >= items.length) break;
      const larger = child + 1 < items.length && items[child + 1]! > items[child]! ? child + 1 : child;
      if (items[larger]! <= last) break;
      items[index] = items[larger]!;
      index = larger;
    }
    items[index] = last;
    return top;
  }
}
