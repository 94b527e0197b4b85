import { nodeTypes, type NodeType } from '@cascade/workflow';
import { defaultPosition, ROW_HEIGHT, triggerEventOf, type DraftDefinition, type DraftNode, type Position } from './draft';
import { graphAt, scopeOf, type Graph } from './bodies';
import { bodyDefaultPosition } from './group-geometry';
import { nextNodeId } from './ids';

/** A new node of `type` with an id no node uses, at `position`. */
export function createNode(definition: DraftDefinition, type: NodeType, position: Position): DraftNode {
  const id = nextNodeId(definition, type);
  const withNode = { ...definition, nodes: [...definition.nodes, { id, type }] };
  const fields = nodeTypes[type].designer.initialFields({ id, triggerEvent: triggerEventOf(definition) ?? '', nextId: (other) => nextNodeId(withNode, other) });
  return { id, type, position, ...fields };
}

/** What "New workflow" stores: the trigger on `event` leading straight to an end. */
export function newWorkflowDefinition(name: string, event: string): DraftDefinition {
  return {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'trigger_1', type: 'trigger', event, position: { x: 0, y: 0 } },
      { id: 'end_1', type: 'end', position: { x: 0, y: ROW_HEIGHT } },
    ],
    edges: [{ id: 'e1', from: 'trigger_1', to: 'end_1', port: 'next' }],
  };
}

/** Horizontal distance between nodes placed side by side. */
const COLUMN_WIDTH = 300;

/**
 * Where the palette puts a new node: a row below the selected node (or, with none selected, below
 * the lowest node), moved right until it overlaps none, so it lands where it will be connected.
 * With a step inside a body selected, the new node joins that body (`parent`), placed among its steps.
 */
export function newNodePlace(definition: DraftDefinition, selectedId: string | undefined): { parent?: string; position: Position } {
  const scope = selectedId === undefined ? undefined : scopeOf(definition, selectedId);
  const parent = scope?.at(-1);
  if (parent === undefined) return { position: newNodePosition(definition, selectedId) };
  return { parent, position: newNodePosition(graphAt(definition, scope!)!, selectedId, bodyDefaultPosition) };
}

/** Where a new node goes in `graph` (the top level or a body), as `newNodePlace` says. */
export function newNodePosition(graph: Graph, selectedId: string | undefined, unplaced = defaultPosition): Position {
  const placed = graph.nodes.map((node, index) => node.position ?? unplaced(index));
  const selected = graph.nodes.findIndex((node) => node.id === selectedId);
  const lowest = placed.reduce<Position | undefined>((low, position) => (low === undefined || position.y > low.y ? position : low), undefined);
  const anchor = (selected >= 0 ? placed[selected] : lowest) ?? { ...unplaced(0), y: unplaced(0).y - ROW_HEIGHT };
  const candidate = { x: anchor.x, y: anchor.y + ROW_HEIGHT };
  const overlaps = (p: Position) => Math.abs(p.x - candidate.x) < COLUMN_WIDTH && Math.abs(p.y - candidate.y) < ROW_HEIGHT;
  while (placed.some(overlaps)) candidate.x += COLUMN_WIDTH;
  return candidate;
}
