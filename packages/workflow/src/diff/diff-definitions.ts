import { DEFAULT_PORT } from '../definition/port-names';
import { isPlainObject, jsonEqual, valueChanges, type FieldChange } from './value-changes';

/**
 * What changed between two workflow definitions, node by node: the diff a reader needs to decide
 * on a template upgrade or to compare two published versions. Definitions are taken loosely (a
 * draft may be incomplete, a template may still hold `{"$param": …}` references), so anything
 * that is not a node with an id, or an edge with both ends, is left out rather than refused.
 *
 * Nodes are matched by id, forEach bodies included (`parent` names the forEach). Edges are matched
 * by what they connect (from, port, to), not by id, since an edge's id carries no meaning.
 */

export interface DiffNode {
  id: string;
  type: string;
  label?: string;
  /** The forEach whose body holds the node; absent at the top level. */
  parent?: string;
}

export interface ChangedNode extends DiffNode {
  /** The node's type before, when it changed type under the same id. */
  typeBefore?: string;
  /** Where the node was before, when it moved into or out of a forEach body (null: the top level). */
  parentBefore?: string | null;
  /** Paths inside the node (`/input/to`, `/timeout`); a forEach's body is diffed as nodes of its own. */
  fields: FieldChange[];
}

export interface DiffEdge {
  from: string;
  to: string;
  port: string;
  parent?: string;
}

export interface TriggerSummary {
  nodeId: string;
  event: unknown;
  filter?: unknown;
}

export interface DefinitionDiff {
  /** True when nothing below changed. */
  identical: boolean;
  /** Top-level fields other than nodes and edges: name, description, variables, schemaVersion. */
  definition: FieldChange[];
  nodes: { added: DiffNode[]; removed: DiffNode[]; changed: ChangedNode[] };
  edges: { added: DiffEdge[]; removed: DiffEdge[] };
  /** The trigger before and after, when what starts the workflow (its event or filter) changed. */
  trigger: { before: TriggerSummary | null; after: TriggerSummary | null } | null;
}

export interface DiffOptions {
  /** Report moved nodes (`/position`) as changes; off by default, since a move changes no behaviour. */
  includePositions?: boolean;
}

interface Flat {
  nodes: Map<string, { node: Record<string, unknown>; summary: DiffNode }>;
  edges: Map<string, DiffEdge>;
}

/** Every node and edge of a definition, forEach bodies included, keyed for matching. */
function flatten(definition: unknown): Flat {
  const flat: Flat = { nodes: new Map(), edges: new Map() };
  // Bodies nest as deep as forEach allows; the stack keeps the walk off the call stack.
  const flows: Array<{ flow: unknown; parent?: string }> = [{ flow: definition }];
  while (flows.length > 0) {
    const { flow, parent } = flows.shift()!;
    if (!isPlainObject(flow)) continue;
    for (const node of Array.isArray(flow.nodes) ? flow.nodes : []) {
      if (!isPlainObject(node) || typeof node.id !== 'string' || flat.nodes.has(node.id)) continue;
      const summary: DiffNode = { id: node.id, type: typeof node.type === 'string' ? node.type : 'unknown' };
      if (typeof node.label === 'string') summary.label = node.label;
      if (parent !== undefined) summary.parent = parent;
      flat.nodes.set(node.id, { node, summary });
      if (node.type === 'forEach') flows.push({ flow: node.body, parent: node.id });
    }
    for (const edge of Array.isArray(flow.edges) ? flow.edges : []) {
      if (!isPlainObject(edge) || typeof edge.from !== 'string' || typeof edge.to !== 'string') continue;
      const port = typeof edge.port === 'string' ? edge.port : DEFAULT_PORT;
      const summary: DiffEdge = { from: edge.from, to: edge.to, port, ...(parent !== undefined ? { parent } : {}) };
      flat.edges.set(JSON.stringify([parent ?? null, edge.from, port, edge.to]), summary);
    }
  }
  return flat;
}

function triggerOf(flat: Flat): TriggerSummary | null {
  for (const { node, summary } of flat.nodes.values()) {
    if (summary.type !== 'trigger' || summary.parent !== undefined) continue;
    return { nodeId: summary.id, event: node.event, ...(node.filter !== undefined ? { filter: node.filter } : {}) };
  }
  return null;
}

export function diffDefinitions(before: unknown, after: unknown, options: DiffOptions = {}): DefinitionDiff {
  const old = flatten(before);
  const next = flatten(after);
  const ignoreKeys = new Set(['id', 'body', ...(options.includePositions ? [] : ['position'])]);

  const added: DiffNode[] = [];
  const changed: ChangedNode[] = [];
  for (const [id, { node, summary }] of next.nodes) {
    const previous = old.nodes.get(id);
    if (!previous) {
      added.push(summary);
      continue;
    }
    const fields = valueChanges(previous.node, node, { ignoreKeys: new Set([...ignoreKeys, 'type']) });
    const change: ChangedNode = { ...summary, fields };
    if (previous.summary.type !== summary.type) change.typeBefore = previous.summary.type;
    if (previous.summary.parent !== summary.parent) change.parentBefore = previous.summary.parent ?? null;
    if (fields.length > 0 || change.typeBefore !== undefined || change.parentBefore !== undefined) changed.push(change);
  }
  const removed = [...old.nodes.values()].filter(({ summary }) => !next.nodes.has(summary.id)).map(({ summary }) => summary);
  const edges = {
    added: [...next.edges].filter(([key]) => !old.edges.has(key)).map(([, edge]) => edge),
    removed: [...old.edges].filter(([key]) => !next.edges.has(key)).map(([, edge]) => edge),
  };

  const topLevel = (definition: unknown) => (isPlainObject(definition) ? definition : {});
  const definition = valueChanges(topLevel(before), topLevel(after), { ignoreKeys: new Set(['nodes', 'edges']) });
  const [triggerBefore, triggerAfter] = [triggerOf(old), triggerOf(next)];
  const starts = (summary: TriggerSummary | null) => summary && { event: summary.event, filter: summary.filter };
  const trigger = jsonEqual(starts(triggerBefore), starts(triggerAfter)) ? null : { before: triggerBefore, after: triggerAfter };

  const identical = !definition.length && !added.length && !removed.length && !changed.length && !edges.added.length && !edges.removed.length;
  return { identical, definition, nodes: { added, removed, changed }, edges, trigger };
}
