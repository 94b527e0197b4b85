import type { ELK as Elk, ElkNode } from 'elkjs/lib/elk-api';
import type { Graph } from './bodies';
import { bodyOf, type Position } from './draft';
import { BODY_HEADER, BODY_PADDING, groupSize } from './group-geometry';
import { canvasPortsOf, portOf } from './ports';
import { estimatedNodeHeight, NODE_WIDTH, TARGET_HANDLE } from './to-flow';

type Size = { width: number; height: number };

const portId = (nodeId: string, port: string) => `${nodeId}\u0000${port}`;

/**
 * The definition as an ELK graph, laid out top to bottom. Each node's ports sit where its card draws
 * them (the way in on top; the outgoing ports left to right along the bottom, in `portsOf` order),
 * and are fixed there, so ELK orders the branches below a node as its ports are ordered and they do
 * not cross: a condition's `true` branch goes left of its `false` branch.
 */
export function toElkGraph(definition: Graph, sizeOf: (id: string) => Size | undefined): ElkNode {
  const ids = new Set(definition.nodes.map((node) => node.id));
  const ports = new Map<string, string[]>();
  const children = definition.nodes.map((node) => {
    const outgoing = canvasPortsOf(node);
    ports.set(node.id, outgoing);
    const { width, height } = sizeOf(node.id) ?? { width: NODE_WIDTH, height: estimatedNodeHeight(outgoing.length) };
    const cell = width / Math.max(outgoing.length, 1);
    return {
      id: node.id,
      width,
      height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
      ports: [
        { id: portId(node.id, TARGET_HANDLE), x: width / 2, y: 0, width: 1, height: 1, layoutOptions: { 'elk.port.side': 'NORTH' } },
        ...outgoing.map((port, index) => ({ id: portId(node.id, port), x: cell * (index + 0.5), y: height, width: 1, height: 1, layoutOptions: { 'elk.port.side': 'SOUTH' } })),
      ],
    };
  });
  // An edge from a port the card does not draw (a stale switch case) still orders the layers. A
  // body's entry edge comes from outside its graph and is left out: the body is laid out on its own.
  const edges = definition.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to) && edge.from !== edge.to).map((edge) => {
    const port = portOf(edge);
    return { id: edge.id, sources: [ports.get(edge.from)?.includes(port) ? portId(edge.from, port) : edge.from], targets: [portId(edge.to, TARGET_HANDLE)] };
  });
  return {
    id: 'workflow',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': '48',
      'elk.layered.spacing.nodeNodeBetweenLayers': '72',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children,
    edges,
  };
}

/**
 * Where tidying up puts every node: a layered layout computed by ELK (loaded only when asked for).
 * Each open body is laid out first, inside its group below the group's card (positions relative to
 * the group, as stored), and its group then takes the size of the box around it in the graph
 * holding it. A folded body keeps its steps where they are.
 */
export async function tidyLayout(definition: Graph, sizeOf: (id: string) => Size | undefined, collapsed: ReadonlySet<string> = new Set()): Promise<Map<string, Position>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const positions = new Map<string, Position>();
  await layOutGraph(new ELK(), definition, { x: 0, y: 0 }, { sizeOf, collapsed, positions });
  return positions;
}

interface LayoutRun {
  sizeOf: (id: string) => Size | undefined;
  collapsed: ReadonlySet<string>;
  positions: Map<string, Position>;
}

async function layOutGraph(elk: Elk, graph: Graph, offset: Position, run: LayoutRun): Promise<void> {
  const groupSizes = new Map<string, Size>();
  for (const node of graph.nodes) {
    const body = run.collapsed.has(node.id) ? undefined : bodyOf(node);
    if (!body) continue;
    await layOutGraph(elk, body, { x: BODY_PADDING, y: BODY_HEADER + BODY_PADDING }, run);
    groupSizes.set(node.id, groupSize(body.nodes.map((step) => ({ position: run.positions.get(step.id)!, ...(run.sizeOf(step.id) ?? { width: NODE_WIDTH, height: estimatedNodeHeight(canvasPortsOf(step).length) }) }))));
  }
  const laidOut = await elk.layout(toElkGraph(graph, (id) => groupSizes.get(id) ?? run.sizeOf(id)));
  // ELK keeps a margin of its own around the graph; a body starts where its group's room for steps does.
  const [left, top] = offset.x === 0 && offset.y === 0 ? [0, 0] : [Math.min(...(laidOut.children ?? []).map((c) => c.x ?? 0)), Math.min(...(laidOut.children ?? []).map((c) => c.y ?? 0))];
  for (const child of laidOut.children ?? []) run.positions.set(child.id, { x: Math.round((child.x ?? 0) - left + offset.x), y: Math.round((child.y ?? 0) - top + offset.y) });
}
