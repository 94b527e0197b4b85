import { Position as Side, type CoordinateExtent, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { Problem } from '@cascade/workflow';
import { bodyPortOfNode, type Graph } from './bodies';
import { bodyOf, defaultPosition, type DraftDefinition, type DraftEdge, type DraftNode, type Position } from './draft';
import { BODY_HEADER, entryHandleAt, foldedGroupHeight, groupSizeAround, NODE_WIDTH, stepPosition } from './group-geometry';
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
  /** For a node holding a body (drawn as a group): the port entering it, whether it is open, how many steps it has, where its entry handle is. */
  body?: { port: string; expanded: boolean; steps: number; entryX: number };
}

/** A card (`workflow`), or the group of a node holding a body (`body`), whose steps have it as `parentId`. */
export type WorkflowFlowNode = Node<WorkflowNodeData, 'workflow' | 'body'>;
export type WorkflowFlowEdge = Edge<{ port: string }>;

/** The handle every node is entered by (a node has one way in, whatever leads there). */
export const TARGET_HANDLE = 'in';

/**
 * A card's size, known before the browser draws it: its width is fixed by the stylesheet and its
 * height set from these (a fixed number of fact lines; problems open in a popover beside it), so
 * nodes are shown at once rather than rendered hidden to be measured, and an edge to a node kept
 * out of the DOM (off screen) still has ends to be drawn between.
 */
export { NODE_WIDTH };
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
  /** Nodes whose body is folded away: drawn as a card, their steps left out. */
  collapsed?: ReadonlySet<string>;
}

const NO_PROBLEMS: Problem[] = [];

const isSelected = (id: string, view: FlowView) => view.selectedNodeIds?.has(id) ?? id === view.selectedNodeId;

/** Where the handles of a card are, as the stylesheet lays them out: the way in on top, one port per equal cell below. */
function knownHandles(ports: readonly string[], entered: boolean, width: number, height: number): NodeHandle[] {
  const cell = width / Math.max(ports.length, 1);
  return [
    ...(entered ? [{ id: TARGET_HANDLE, type: 'target' as const, position: Side.Top, x: width / 2 - HANDLE / 2, y: -HANDLE / 2, width: HANDLE, height: HANDLE }] : []),
    ...ports.map((port, index) => ({ id: port, type: 'source' as const, position: Side.Bottom, x: cell * (index + 0.5) - HANDLE / 2, y: height - HANDLE / 2, width: HANDLE, height: HANDLE })),
  ];
}

/** What a screen reader says of a node: its type and name, then what it does and its problems. */
function accessibleText(node: DraftNode, typeLabel: string, summary: string, problems: readonly Problem[]) {
  const name = `${typeLabel} ${node.label ? `${node.label} (${node.id})` : node.id}`;
  const trouble = problems.length === 0 ? 'No problems' : `${problems.length} problem(s): ${problems.map((p) => `${p.field ? `${p.field}: ` : ''}${p.message}`).join('; ')}`;
  // A group by role whether or not it is focusable (the run view's are not): a name needs a role to be allowed.
  return { ariaLabel: name, ariaRole: 'group' as const, domAttributes: { 'aria-description': `${summary}. ${trouble}.` } };
}

/**
 * Where a step may be dragged, relative to its group: not above the group's card or left of it, but
 * as far right or down as wanted, the group growing around it as it goes (group-drag.ts). (`extent:
 * 'parent'` would hold a step inside the group's present size, so a body could never grow.)
 */
const STEP_EXTENT: CoordinateExtent = [[0, BODY_HEADER], [Infinity, Infinity]];

/** Where a node sits on the canvas: a step of a body has its group as parent, and stays inside it. */
interface Placement {
  position: Position;
  parentId?: string | undefined;
  /** The node holds a body drawn open: a group around its steps. */
  steps?: readonly WorkflowFlowNode[] | undefined;
  /** A node holding a body is drawn by the designer's group (open or folded), not as a plain card. */
  grouped?: boolean;
}

function toFlowNode(node: DraftNode, { position, parentId, steps, grouped = false }: Placement, view: FlowView): WorkflowFlowNode {
  const measured = view.sizes?.get(node.id);
  const problems = view.problemsByNode?.get(node.id) ?? NO_PROBLEMS;
  const ports = canvasPortsOf(node);
  const entered = acceptsIncoming(node);
  const typeLabel = nodeTypeLabel(node.type);
  const summary = nodeSummary(node);
  const port = grouped ? bodyPortOfNode(node) : undefined;
  const inner = port === undefined ? undefined : bodyOf(node);
  const enteredId = inner?.edges.find((edge) => edge.from === node.id && portOf(edge) === port)?.to;
  const enteredStep = steps?.find((step) => step.id === enteredId);
  const entry = entryHandleAt(enteredStep?.position, enteredStep?.measured?.width);
  const body = port === undefined ? undefined : { port, expanded: steps !== undefined, steps: inner?.nodes.length ?? 0, entryX: entry.x };
  // A folded group keeps its own card (body-group.tsx), as tall as its text; every other node is a node-cards card.
  const { width, height } = steps
    ? groupSizeAround(steps)
    : { width: NODE_WIDTH, height: body ? foldedGroupHeight(ports.length, problems.length) : estimatedNodeHeight(ports.length) };
  const handles = knownHandles(ports, entered, width, height);
  if (steps && port) handles.push({ id: port, type: 'source', position: Side.Bottom, x: entry.x - HANDLE / 2, y: entry.y - HANDLE / 2, width: HANDLE, height: HANDLE });
  return {
    id: node.id,
    type: body ? 'body' : 'workflow',
    position,
    ...(parentId === undefined ? {} : { parentId, extent: STEP_EXTENT }),
    selected: isSelected(node.id, view),
    // The trigger is the workflow's root; deleting it by a stray key press is never intended.
    deletable: node.type !== 'trigger',
    // An open group's size is the box around its steps: fixed here, derived again when they move.
    ...(steps ? { width, height } : { initialWidth: width, initialHeight: height }),
    handles,
    // Sized from the start, even when never rendered (off screen): React Flow counts a node without
    // a size as not yet initialised, and would hold back fitting the view until it had one.
    measured: steps ? { width, height } : (measured ?? { width, height }),
    ...accessibleText(node, typeLabel, summary, problems),
    data: { node, typeLabel, summary, ports, acceptsIncoming: entered, problems, ...(body ? { body } : {}) },
  };
}

/**
 * An edge of a body is drawn above its group (React Flow lifts it to its steps' level), over the
 * group's own handles; the edge entering the body is kept beneath the group (whose background lets
 * it show through), so the entry port's handle stays within reach to be dragged from.
 */
const BENEATH_GROUP = -1;

function toFlowEdge(edge: DraftEdge, selected: boolean, entersBody = false): WorkflowFlowEdge {
  const port = portOf(edge);
  return {
    ...(entersBody ? { zIndex: BENEATH_GROUP } : {}),
    id: edge.id,
    source: edge.from,
    target: edge.to,
    sourceHandle: port,
    targetHandle: TARGET_HANDLE,
    selected,
    // Every branch but the plain way on names its port: true/false, received/timeout, a case. The
    // entry into a body is named by its group, beside the handle it leaves from.
    ...(port === 'next' || entersBody ? {} : { label: port }),
    data: { port },
  };
}

/** The top level's nodes as cards, bodies folded (the run view draws these). */
export function toFlowNodes(definition: DraftDefinition, view: FlowView = {}): WorkflowFlowNode[] {
  return definition.nodes.map((node, index) => toFlowNode(node, { position: node.position ?? defaultPosition(index) }, view));
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
  /** The group it sits in, and whether its own body is drawn open. */
  place: string;
  flow: WorkflowFlowNode;
}

/** The bodies drawn open, each after the graph that holds it: React Flow wants a parent before its children. */
function openBodies(definition: DraftDefinition, collapsed: ReadonlySet<string> | undefined): Array<{ graph: Graph; parentId?: string }> {
  const graphs: Array<{ graph: Graph; parentId?: string }> = [{ graph: definition }];
  for (let index = 0; index < graphs.length; index++) {
    for (const node of graphs[index]!.graph.nodes) {
      const body = collapsed?.has(node.id) ? undefined : bodyOf(node);
      if (body) graphs.push({ graph: body, parentId: node.id });
    }
  }
  return graphs;
}

/**
 * Derives React Flow's nodes and edges as `toFlowNodes`/`toFlowEdges` do, but hands back the very
 * object of the last call for every node or edge whose definition object, place, selection and
 * problems are unchanged: React Flow and the memoised card then re-render only what changed.
 * A node holding a body is drawn as a group around its steps, unless folded. Each call is one pass
 * over the graph.
 */
export function createFlowCache() {
  let nodes = new Map<string, CachedNode>();
  let edges = new Map<string, { source: DraftEdge; selected: boolean; flow: WorkflowFlowEdge }>();
  return {
    nodes(definition: DraftDefinition, view: FlowView = {}): WorkflowFlowNode[] {
      const next = new Map<string, CachedNode>();
      const graphs = openBodies(definition, view.collapsed);
      const byGraph = new Map<string | undefined, WorkflowFlowNode[]>();
      // Innermost bodies first, so a group is sized around steps already derived; then listed parents first.
      for (const { graph, parentId } of [...graphs].reverse()) {
        byGraph.set(parentId, graph.nodes.map((node, index) => {
          const position = parentId === undefined ? (node.position ?? defaultPosition(index)) : stepPosition(node, index);
          const steps = byGraph.get(node.id);
          const selected = isSelected(node.id, view);
          const problems = problemsKey(view.problemsByNode?.get(node.id) ?? NO_PROBLEMS);
          const place = `${parentId ?? ''}/${steps ? 'open' : ''}`;
          const cached = nodes.get(node.id);
          const same = cached && cached.source === node && cached.x === position.x && cached.y === position.y && cached.selected === selected && cached.problems === problems && cached.place === place;
          const entry = same ? cached : { source: node, x: position.x, y: position.y, selected, problems, place, flow: toFlowNode(node, { position, parentId, steps, grouped: true }, view) };
          next.set(node.id, entry);
          return entry.flow;
        }));
      }
      nodes = next;
      return graphs.flatMap(({ parentId }) => byGraph.get(parentId)!);
    },
    edges(definition: DraftDefinition, view: FlowView = {}): WorkflowFlowEdge[] {
      const next = new Map<string, { source: DraftEdge; selected: boolean; flow: WorkflowFlowEdge }>();
      const flow = openBodies(definition, view.collapsed).flatMap(({ graph, parentId }) =>
        graph.edges.map((edge) => {
          const selected = view.selectedEdgeIds?.has(edge.id) ?? false;
          const cached = edges.get(edge.id);
          const entry = cached && cached.source === edge && cached.selected === selected ? cached : { source: edge, selected, flow: toFlowEdge(edge, selected, edge.from === parentId) };
          next.set(edge.id, entry);
          return entry.flow;
        }),
      );
      edges = next;
      return flow;
    },
  };
}
export type FlowCache = ReturnType<typeof createFlowCache>;
