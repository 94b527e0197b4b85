import type { Edge, Node } from '@xyflow/react';
import type { Problem } from '@cascade/workflow';
import { defaultPosition, type DraftDefinition, type DraftNode } from './draft';
import { nodeSummary, nodeTypeLabel } from './node-types';
import { acceptsIncoming, canvasPortsOf, portOf } from './ports';

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

export interface FlowView {
  selectedNodeId?: string | undefined;
  selectedNodeIds?: ReadonlySet<string>;
  selectedEdgeIds?: ReadonlySet<string>;
  /** Sizes React Flow measured, handed back so it need not measure every node again after each edit. */
  sizes?: ReadonlyMap<string, { width: number; height: number }>;
  problemsByNode?: ReadonlyMap<string, Problem[]>;
}

export function toFlowNodes(definition: DraftDefinition, view: FlowView = {}): WorkflowFlowNode[] {
  return definition.nodes.map((node, index) => {
    const measured = view.sizes?.get(node.id);
    return {
      id: node.id,
      type: 'workflow',
      position: node.position ?? defaultPosition(index),
      selected: view.selectedNodeIds?.has(node.id) ?? node.id === view.selectedNodeId,
      // The trigger is the workflow's root; deleting it by a stray key press is never intended.
      deletable: node.type !== 'trigger',
      ...(measured ? { measured } : {}),
      data: {
        node,
        typeLabel: nodeTypeLabel(node.type),
        summary: nodeSummary(node),
        ports: canvasPortsOf(node),
        acceptsIncoming: acceptsIncoming(node),
        problems: view.problemsByNode?.get(node.id) ?? [],
      },
    };
  });
}

export function toFlowEdges(definition: DraftDefinition, view: FlowView = {}): WorkflowFlowEdge[] {
  return definition.edges.map((edge) => {
    const port = portOf(edge);
    return {
      id: edge.id,
      source: edge.from,
      target: edge.to,
      sourceHandle: port,
      targetHandle: TARGET_HANDLE,
      selected: view.selectedEdgeIds?.has(edge.id) ?? false,
      ...(port === 'next' ? {} : { label: port }),
      data: { port },
    };
  });
}
