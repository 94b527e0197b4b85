import { Position as Side, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { Problem } from '@cascade/workflow';
import { defaultPosition, type DraftDefinition, type DraftEdge, type DraftNode, type Position } from './draft';
import { nodeSummary, nodeTypeLabel } from './node-types';
import { acceptsIncoming, canvasPortsOf, portOf } from './ports';
import { problemLabel } from './problems';

/** What a node card on the canvas shows; derived from the definition node, never edited itself. */
export interface WorkflowNodeData extends Record<string, unknown> {
  node: DraftNode;
  typeLabel: string;
  summary: string;
  /** One source handle each, in this order. */
  ports: string[];
  acceptsIncoming: boolean;
  problems: Problem[];
}

export type WorkflowFlowNode = Node<WorkflowNodeData, 'workflow'>;
export type WorkflowFlowEdge = Edge<{ port: string }>;

/** The handle every node is entered by (a node has one way in, whatever leads there). */
export const TARGET_HANDLE = 'in';

/**
 * A card's size, known before the browser draws it: its width is fixed by the stylesheet and its
 * height set from these (a fixed number of fact lines; problems open in a popover beside it), so
 * nodes are shown at once rather than rendered hidden to be measured, and an edge to a node kept
 * out of the DOM (off screen) still has ends to be drawn between.
 */
export const NODE_WIDTH = 220;
const HANDLE = 6;
const CARD_HEIGHT = 108;
const PORTS_HEIGHT = 26;
export function estimatedNodeHeight(ports: number): number {
  return CARD_HEIGHT + (ports > 0 ? PORTS_HEIGHT : 0);
}

export interface FlowView {
  selectedNodeId?: string | undefined;
  selectedNodeIds?: ReadonlySet<string>;
  selectedEdgeIds?: ReadonlySet<string>;
  /** Sizes React Flow measured, handed back so it need not measure a rebuilt node again. */
  sizes?: ReadonlyMap<string, { width: number; height: number }>;
  problemsByNode?: ReadonlyMap<string, Problem[]>;
}

const NO_PROBLEMS: Problem[] = [];

const isSelected = (id: string, view: FlowView) => view.selectedNodeIds?.has(id) ?? id === view.selectedNodeId;

/** Where the handles of a card are, as the stylesheet lays them out: the way in on top, one port per equal cell below. */
function knownHandles(ports: readonly string[], entered: boolean, height: number): NodeHandle[] {
  const cell = NODE_WIDTH / Math.max(ports.length, 1);
  return [
    ...(entered ? [{ id: TARGET_HANDLE, type: 'target' as const, position: Side.Top, x: NODE_WIDTH / 2 - HANDLE / 2, y: -HANDLE / 2, width: HANDLE, height: HANDLE }] : []),
    ...ports.map((port, index) => ({ id: port, type: 'source' as const, position: Side.Bottom, x: cell * (index + 0.5) - HANDLE / 2, y: height - HANDLE / 2, width: HANDLE, height: HANDLE })),
  ];
}

function toFlowNode(node: DraftNode, position: Position, view: FlowView): WorkflowFlowNode {
  const measured = view.sizes?.get(node.id);
  const problems = view.problemsByNode?.get(node.id) ?? NO_PROBLEMS;
  const ports = canvasPortsOf(node);
  const entered = acceptsIncoming(node);
  const height = estimatedNodeHeight(ports.length);
  return {
    id: node.id,
    type: 'workflow',
    position,
    selected: isSelected(node.id, view),
    // The trigger is the workflow's root; deleting it by a stray key press is never intended.
    deletable: node.type !== 'trigger',
    initialWidth: NODE_WIDTH,
    initialHeight: height,
    handles: knownHandles(ports, entered, height),
    // Sized from the start, even when never rendered (off screen): React Flow counts a node without
    // a size as not yet initialised, and would hold back fitting the view until it had one.
    measured: measured ?? { width: NODE_WIDTH, height },
    data: { node, typeLabel: nodeTypeLabel(node.type), summary: nodeSummary(node), ports, acceptsIncoming: entered, problems },
  };
}

function toFlowEdge(edge: DraftEdge, selected: boolean): WorkflowFlowEdge {
  const port = portOf(edge);
  return {
    id: edge.id,
    source: edge.from,
    target: edge.to,
    sourceHandle: port,
    targetHandle: TARGET_HANDLE,
    selected,
    // Every branch but the plain way on names its port: true/false, received/timeout, a case.
    ...(port === 'next' ? {} : { label: port }),
    data: { port },
  };
}

export function toFlowNodes(definition: DraftDefinition, view: FlowView = {}): WorkflowFlowNode[] {
  return definition.nodes.map((node, index) => toFlowNode(node, node.position ?? defaultPosition(index), view));
}

export function toFlowEdges(definition: DraftDefinition, view: FlowView = {}): WorkflowFlowEdge[] {
  return definition.edges.map((edge) => toFlowEdge(edge, view.selectedEdgeIds?.has(edge.id) ?? false));
}

/** Problems compared by what they say: the validator hands back new objects on every run. */
const problemsKey = (problems: readonly Problem[]) => (problems.length === 0 ? '' : problems.map((p) => `${p.severity ?? ''}${problemLabel(p)}`).join('\n'));

interface CachedNode {
  source: DraftNode;
  x: number;
  y: number;
  selected: boolean;
  problems: string;
  flow: WorkflowFlowNode;
}

/**
 * Derives React Flow's nodes and edges as `toFlowNodes`/`toFlowEdges` do, but hands back the very
 * object of the last call for every node or edge whose definition object, place, selection and
 * problems are unchanged: React Flow and the memoised card then re-render only what changed.
 * Each call is one pass over the graph.
 */
export function createFlowCache() {
  let nodes = new Map<string, CachedNode>();
  let edges = new Map<string, { source: DraftEdge; selected: boolean; flow: WorkflowFlowEdge }>();
  return {
    nodes(definition: DraftDefinition, view: FlowView = {}): WorkflowFlowNode[] {
      const next = new Map<string, CachedNode>();
      const flow = definition.nodes.map((node, index) => {
        const position = node.position ?? defaultPosition(index);
        const selected = isSelected(node.id, view);
        const problems = problemsKey(view.problemsByNode?.get(node.id) ?? NO_PROBLEMS);
        const cached = nodes.get(node.id);
        const same = cached && cached.source === node && cached.x === position.x && cached.y === position.y && cached.selected === selected && cached.problems === problems;
        const entry = same ? cached : { source: node, x: position.x, y: position.y, selected, problems, flow: toFlowNode(node, position, view) };
        next.set(node.id, entry);
        return entry.flow;
      });
      nodes = next;
      return flow;
    },
    edges(definition: DraftDefinition, view: FlowView = {}): WorkflowFlowEdge[] {
      const next = new Map<string, { source: DraftEdge; selected: boolean; flow: WorkflowFlowEdge }>();
      const flow = definition.edges.map((edge) => {
        const selected = view.selectedEdgeIds?.has(edge.id) ?? false;
        const cached = edges.get(edge.id);
        const entry = cached && cached.source === edge && cached.selected === selected ? cached : { source: edge, selected, flow: toFlowEdge(edge, selected) };
        next.set(edge.id, entry);
        return entry.flow;
      });
      edges = next;
      return flow;
    },
  };
}
export type FlowCache = ReturnType<typeof createFlowCache>;
