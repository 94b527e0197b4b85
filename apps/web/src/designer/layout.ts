import type { ElkNode } from 'elkjs/lib/elk-api';
import type { DraftDefinition, Position } from './draft';
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
export function toElkGraph(definition: DraftDefinition, sizeOf: (id: string) => Size | undefined): ElkNode {
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
  // An edge from a port the card does not draw (a stale switch case) still orders the layers.
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

/** Where tidying up puts every node: a layered layout computed by ELK (loaded only when asked for). */
export async function tidyLayout(definition: DraftDefinition, sizeOf: (id: string) => Size | undefined): Promise<Map<string, Position>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const laidOut = await new ELK().layout(toElkGraph(definition, sizeOf));
  return new Map((laidOut.children ?? []).map((child) => [child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) }]));
}
