import { describe, expect, it } from 'vitest';
import { ancestorsOf, findCycleEdges, reachableFrom, topologicalOrder } from './graph';

const edge = (from: string, to: string) => ({ from, to });
/** start → check → (yes) notify → done, (no) done; plus a detached pair. */
const diamond = [edge('start', 'check'), edge('check', 'notify'), edge('check', 'done'), edge('notify', 'done'), edge('lone', 'other')];

describe('reachableFrom and ancestorsOf', () => {
  it('follows edges forwards from a node, and backwards to it', () => {
    expect([...reachableFrom('start', diamond)]).toEqual(['start', 'check', 'notify', 'done']);
    expect([...reachableFrom('other', diamond)]).toEqual(['other']);
    expect([...ancestorsOf('done', diamond)].sort()).toEqual(['check', 'notify', 'start']);
    expect([...ancestorsOf('start', diamond)]).toEqual([]);
  });

  it('counts a node as its own ancestor only on a cycle', () => {
    expect(ancestorsOf('a', [edge('a', 'b'), edge('b', 'a')]).has('a')).toBe(true);
  });
});

describe('findCycleEdges', () => {
  it('finds nothing in an acyclic graph', () => {
    expect(findCycleEdges(['start', 'check', 'notify', 'done', 'lone', 'other'], diamond)).toEqual([]);
  });

  it('names the edge that leads back, walking from the first node', () => {
    const back = edge('notify', 'check');
    expect(findCycleEdges(['start', 'check', 'notify', 'done'], [...diamond, back])).toEqual([back]);
    const self = edge('done', 'done');
    expect(findCycleEdges(['start'], [...diamond, self])).toEqual([self]);
  });

  it('finds one closing edge per cycle', () => {
    const edges = [edge('a', 'b'), edge('b', 'a'), edge('c', 'd'), edge('d', 'e'), edge('e', 'c')];
    expect(findCycleEdges(['a', 'b', 'c', 'd', 'e'], edges)).toEqual([edge('b', 'a'), edge('e', 'c')]);
  });
});

describe('topologicalOrder', () => {
  it('orders every edge forwards, keeping the given order among equals', () => {
    expect(topologicalOrder(['done', 'notify', 'check', 'start'], diamond.slice(0, 4))).toEqual(['start', 'check', 'notify', 'done']);
    expect(topologicalOrder(['x', 'y'], [])).toEqual(['x', 'y']);
  });

  it('is undefined for a cyclic graph', () => {
    expect(topologicalOrder(['a', 'b'], [edge('a', 'b'), edge('b', 'a')])).toBeUndefined();
  });
});
