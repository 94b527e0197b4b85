import { DEFAULT_PORT, type DefinitionDiff, type DiffEdge } from '@cascade/workflow';
import type { DraftDefinition, DraftEdge } from '@/designer/draft';
import type { NodeDecoration } from './decorated-node';

export type EdgeMark = 'added' | 'removed';

export interface DiffOverlay {
  /** The newer version with the older one's removed nodes and connections put back, to be drawn struck out. */
  definition: DraftDefinition;
  decorations: Map<string, NodeDecoration>;
  edgeMarks: Map<string, EdgeMark>;
}

const edgeKey = (from: string, port: string, to: string) => JSON.stringify([from, port, to]);
const draftEdgeKey = (edge: DraftEdge) => edgeKey(edge.from, edge.port ?? DEFAULT_PORT, edge.to);
const topLevel = (edges: readonly DiffEdge[]) => new Set(edges.filter((e) => e.parent === undefined).map((e) => edgeKey(e.from, e.port, e.to)));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Two versions drawn as one graph: the newer version's nodes and connections, with what it added
 * and changed marked, and what it removed put back from the older version so the reader sees
 * where it was. A change inside a forEach's body marks the forEach, whose card stands for its body.
 */
export function diffOverlay(before: DraftDefinition, after: DraftDefinition, diff: DefinitionDiff): DiffOverlay {
  const decorations = new Map<string, NodeDecoration>();
  const mark = (id: string, decoration: NodeDecoration) => {
    if (!decorations.has(id)) decorations.set(id, decoration);
  };
  for (const node of diff.nodes.added) {
    if (node.parent === undefined) mark(node.id, { state: 'added', caption: 'added' });
  }
  for (const node of diff.nodes.removed) {
    if (node.parent === undefined) mark(node.id, { state: 'removed', caption: 'removed' });
  }
  for (const node of diff.nodes.changed) {
    if (node.parent === undefined) mark(node.id, { state: 'changed', caption: `changed · ${plural(node.fields.length, 'field')}` });
  }
  // Anything that moved within a body shows on the node that holds it.
  for (const node of [...diff.nodes.added, ...diff.nodes.removed, ...diff.nodes.changed]) {
    if (node.parent !== undefined) mark(node.parent, { state: 'changed', caption: 'changed · its body' });
  }
  for (const edge of [...diff.edges.added, ...diff.edges.removed]) {
    if (edge.parent !== undefined) mark(edge.parent, { state: 'changed', caption: 'changed · its body' });
  }

  const afterIds = new Set(after.nodes.map((n) => n.id));
  const removedNodes = before.nodes.filter((n) => !afterIds.has(n.id) && decorations.get(n.id)?.state === 'removed');
  const added = topLevel(diff.edges.added);
  const removed = topLevel(diff.edges.removed);
  const edgeMarks = new Map<string, EdgeMark>();
  for (const edge of after.edges) {
    if (added.has(draftEdgeKey(edge))) edgeMarks.set(edge.id, 'added');
  }
  // A removed connection's id may be reused by the newer version for another one.
  const removedEdges = before.edges.filter((e) => removed.has(draftEdgeKey(e))).map((e) => ({ ...e, id: `removed:${e.id}` }));
  for (const edge of removedEdges) edgeMarks.set(edge.id, 'removed');

  return {
    definition: { ...after, nodes: [...after.nodes, ...removedNodes], edges: [...after.edges, ...removedEdges] },
    decorations,
    edgeMarks,
  };
}
