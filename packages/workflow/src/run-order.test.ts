import fc from 'fast-check';
import { propertyRuns, propertyTimeout } from '@cascade/catalog/property-testing';
import { describe, expect, it } from 'vitest';
import { findCycleEdges, reachableFrom, topologicalOrder, type GraphEdge } from './graph';
import { runOrder } from './run-order';
import { fanOutDefinition, ladderDefinition } from './validate/hostile-definitions';

const edge = (from: string, to: string) => ({ from, to });
const never = () => false;
/** Every node `order` says ran before `node`, of those named. */
const before = (order: ReturnType<typeof runOrder>, node: string, among: string[]) => among.filter((step) => order.ranBefore(step, node)).sort();

describe('runOrder', () => {
  /** start → check → (yes) notify → done, (no) done; plus a detached pair. */
  const diamond = [edge('start', 'check'), edge('check', 'notify'), edge('check', 'done'), edge('notify', 'done'), edge('lone', 'other')];
  const all = ['start', 'check', 'notify', 'done', 'lone', 'other'];

  it('keeps only the nodes on every path to a node', () => {
    const order = runOrder('start', diamond, never);
    expect(before(order, 'notify', all)).toEqual(['check', 'start']);
    expect(before(order, 'done', all)).toEqual(['check', 'start']);
    expect(order.reaches('lone')).toBe(false);
    expect(before(order, 'other', all)).toEqual([]);
  });

  it('counts every branch before a node that waits for all of them', () => {
    const edges = [edge('start', 'split'), edge('split', 'a'), edge('split', 'b'), edge('a', 'join'), edge('b', 'join'), edge('join', 'after')];
    const nodes = ['start', 'split', 'a', 'b', 'join', 'after'];
    expect(before(runOrder('start', edges, never), 'after', nodes)).toEqual(['join', 'split', 'start']);
    expect(before(runOrder('start', edges, (id) => id === 'join'), 'after', nodes)).toEqual(['a', 'b', 'join', 'split', 'start']);
  });

  it('ignores edges that close a cycle', () => {
    const order = runOrder('loop', [edge('loop', 'first'), edge('first', 'second'), edge('second', 'first')], never);
    expect(before(order, 'loop', ['loop', 'first', 'second'])).toEqual([]);
    expect(before(order, 'second', ['loop', 'first', 'second'])).toEqual(['first', 'loop']);
  });

  it('answers exactly as materialising every set would, on random graphs with joins in all mode', () => {
    const graphs = fc.record({
      size: fc.integer({ min: 1, max: 14 }),
      // Mostly forward pairs, so that branches meet; backward ones make cycles and are ignored.
      pairs: fc.array(fc.tuple(fc.nat(13), fc.nat(13), fc.boolean()), { maxLength: 40 }),
      joinsAll: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
    });
    fc.assert(
      fc.property(graphs, ({ size, pairs, joinsAll }) => {
        const ids = Array.from({ length: size }, (_, index) => `n${index}`);
        const edges = pairs
          .map(([a, b, backward]) => [a % size, b % size, backward] as const)
          .map(([a, b, backward]) => (backward || a === b ? edge(ids[a]!, ids[b]!) : edge(ids[Math.min(a, b)]!, ids[Math.max(a, b)]!)));
        const waitsForAll = (id: string) => joinsAll[ids.indexOf(id)]!;
        const expected = alwaysRunBefore('n0', edges, waitsForAll);
        const order = runOrder('n0', edges, waitsForAll);
        for (const node of [...ids, 'elsewhere']) {
          expect(order.reaches(node)).toBe(expected.has(node));
          expect(before(order, node, [...ids, 'elsewhere'])).toEqual([...(expected.get(node) ?? [])].sort());
        }
      }),
      { numRuns: propertyRuns(300) },
    );
  }, propertyTimeout(1_500));
});

describe('runOrder on hostile graphs', () => {
  /** Time and heap growth of building the order of `definition` and asking `questions` of it. */
  const measure = (label: string, definition: ReturnType<typeof ladderDefinition | typeof fanOutDefinition>, questions: Array<[string, string]>) => {
    const joinsAll = new Set(definition.nodes.flatMap((node) => ('mode' in node && node.mode === 'all' && 'id' in node ? [node.id as string] : [])));
    const heap = process.memoryUsage().heapUsed;
    const started = performance.now();
    const order = runOrder('start', definition.edges, (id) => joinsAll.has(id));
    const answers = questions.map(([step, node]) => order.ranBefore(step, node));
    const figures = { milliseconds: Math.round(performance.now() - started), heapGrowthMB: Math.round((process.memoryUsage().heapUsed - heap) / 1e6) };
    console.log(`${label} (${definition.nodes.length} nodes, ${definition.edges.length} edges):`, figures);
    return { answers, ...figures };
  };

  // Materialising every set took 45 s and 1.6 GB for this ladder: quadratic in both.
  it('orders a ladder of 5,000 rungs in linear time and memory', () => {
    const ladder = ladderDefinition(5_000);
    const questions = ladder.nodes.map((node) => ['first', (node as { id: string }).id] as [string, string]);
    const { answers, milliseconds, heapGrowthMB } = measure('ladder', ladder, [...questions, ['check2500', 'finish'], ['finish', 'check2500'], ['join4999', 'join4999']]);
    expect(answers).toEqual([false, false, ...questions.slice(2).map(() => true), true, false, false]);
    expect(milliseconds).toBeLessThan(2000);
    expect(heapGrowthMB).toBeLessThan(100);
  });

  it('orders a fan-out of 10,000 parallel branches, asked about each of them', () => {
    const fanOut = fanOutDefinition(10_000);
    const questions = fanOut.nodes.flatMap((node) => (node.id.startsWith('branch') ? [[node.id, 'summary'] as [string, string], ['split', node.id] as [string, string]] : []));
    const { answers, milliseconds, heapGrowthMB } = measure('fan-out', fanOut, [...questions, ['branch1', 'branch2']]);
    expect(answers).toEqual([...questions.map(() => true), false]);
    expect(milliseconds).toBeLessThan(2000);
    expect(heapGrowthMB).toBeLessThan(100);
  });
});

/**
 * The reference: every node's set materialised, in topological order, as union or intersection of
 * its predecessors' sets. Exact but quadratic in time and memory on long graphs.
 */
function alwaysRunBefore(entry: string, edges: readonly GraphEdge[], waitsForAllBranches: (id: string) => boolean): Map<string, Set<string>> {
  const reachable = reachableFrom(entry, edges);
  const cycleEdges = new Set(findCycleEdges([...reachable], edges));
  const acyclic = edges.filter((edge) => !cycleEdges.has(edge) && reachable.has(edge.from) && reachable.has(edge.to));
  const predecessors = new Map<string, string[]>();
  for (const { from, to } of acyclic) predecessors.set(to, [...(predecessors.get(to) ?? []), from]);
  const result = new Map<string, Set<string>>([[entry, new Set()]]);
  for (const id of topologicalOrder([...reachable], acyclic) ?? []) {
    if (id === entry) continue;
    const branches = (predecessors.get(id) ?? []).map((from) => new Set([...result.get(from)!, from]));
    result.set(id, waitsForAllBranches(id) ? new Set(branches.flatMap((set) => [...set])) : intersection(branches));
  }
  return result;
}

function intersection([first, ...rest]: Set<string>[]): Set<string> {
  return new Set([...(first ?? [])].filter((id) => rest.every((set) => set.has(id))));
}
