import { bodyPortOf } from '@cascade/workflow';

/**
 * The definition as the designer holds it while it is being drawn. A draft is stored as any JSON
 * object (DESIGN.md §5 is enforced on publish, not on save), so these types only promise what the
 * canvas needs: nodes and edges with ids. Everything else a node holds is kept as written.
 */

export interface Position {
  x: number;
  y: number;
}

export interface DraftNode {
  id: string;
  type: string;
  label?: string;
  position?: Position;
  [field: string]: unknown;
}

export interface DraftEdge {
  id: string;
  from: string;
  to: string;
  port?: string;
}

export interface DraftDefinition {
  schemaVersion: 1;
  name: string;
  description?: string;
  nodes: DraftNode[];
  edges: DraftEdge[];
  variables?: Record<string, unknown>;
  [field: string]: unknown;
}

/** Rows of the canvas: where a node that was never placed goes, and how far apart new nodes are put. */
export const ROW_HEIGHT = 180;

/** Where a node that was never placed is drawn: one row per node, in definition order. */
export const defaultPosition = (index: number): Position => ({ x: 0, y: index * ROW_HEIGHT });

export interface ReadDraft {
  definition: DraftDefinition;
  /** Nodes and edges left out because they have no id (or no endpoints): the canvas cannot place them. */
  dropped: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasId = (value: unknown): value is Record<string, unknown> & { id: string } => isRecord(value) && typeof value.id === 'string' && value.id !== '';

/** Reads a stored draft leniently: whatever it lacks is filled in, whatever the canvas cannot show is counted. */
export function readDraft(stored: unknown, fallbackName: string): ReadDraft {
  const raw = isRecord(stored) ? stored : {};
  const rawNodes = Array.isArray(raw.nodes) ? raw.nodes : [];
  const rawEdges = Array.isArray(raw.edges) ? raw.edges : [];
  const nodes = rawNodes.filter(hasId).map((node) => ({ ...node, type: String(node.type ?? '') }) as DraftNode);
  const edges = rawEdges.filter(
    (edge): edge is DraftEdge => hasId(edge) && typeof edge.from === 'string' && typeof edge.to === 'string',
  );
  return {
    definition: {
      ...raw,
      schemaVersion: 1,
      name: typeof raw.name === 'string' && raw.name.trim() ? raw.name : fallbackName,
      nodes,
      edges,
    },
    dropped: rawNodes.length - nodes.length + rawEdges.length - edges.length,
  };
}

/**
 * The body a node holds (a forEach's), as a draft holds it, or undefined for a node of a type that
 * holds none (the registry says which do) or a body that is not one.
 */
export function bodyOf(node: DraftNode): { nodes: DraftNode[]; edges: DraftEdge[] } | undefined {
  if (bodyPortOf(node.type) === undefined || !isRecord(node.body)) return undefined;
  const { nodes, edges } = node.body;
  return { nodes: Array.isArray(nodes) ? nodes.filter(hasId) as DraftNode[] : [], edges: Array.isArray(edges) ? (edges as DraftEdge[]) : [] };
}

/** Every node id of the workflow, forEach bodies included: ids are unique across all of them. */
export function allNodeIds(nodes: readonly DraftNode[]): string[] {
  return nodes.flatMap((node) => [node.id, ...allNodeIds(bodyOf(node)?.nodes ?? [])]);
}

/** Every edge id of the workflow, forEach bodies included. */
export function allEdgeIds(nodes: readonly DraftNode[], edges: readonly DraftEdge[]): string[] {
  return [...edges.map((edge) => edge.id), ...nodes.flatMap((node) => {
    const body = bodyOf(node);
    return body ? allEdgeIds(body.nodes, body.edges) : [];
  })];
}

/** The trigger's event type, which expressions read as `event`. */
export function triggerEventOf(definition: DraftDefinition): string | undefined {
  const trigger = definition.nodes.find((node) => node.type === 'trigger');
  return typeof trigger?.event === 'string' && trigger.event ? trigger.event : undefined;
}
