'use client';

import { Background, Controls, MarkerType, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, type CSSProperties } from 'react';
import type { DraftDefinition } from '@/designer/draft';
import { createFlowCache, toFlowEdges, toFlowNodes, type WorkflowFlowEdge, type WorkflowFlowNode } from '@/designer/to-flow';
import { DecoratedBodyGroup } from './decorated-body-group';
import { DecoratedNodeCard, type NodeDecoration } from './decorated-node';
import type { EdgeMark } from './diff-overlay';
import { previewDefinition } from './preview-definition';
import styles from './read-only-graph.module.css';

// The decorated card is the designer's card wherever a node has no decoration; an open body is its group.
const nodeTypes = { workflow: DecoratedNodeCard, body: DecoratedBodyGroup };
const TAKEN_EDGE = { stroke: 'var(--ok)', strokeWidth: 3 };
const UNTAKEN_EDGE = { opacity: 0.35 };
const MARKED_EDGE: Record<EdgeMark, CSSProperties> = {
  added: { stroke: 'var(--ok)', strokeWidth: 3 },
  removed: { stroke: 'var(--bad)', strokeWidth: 2, strokeDasharray: '6 4' },
};
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed }, type: 'smoothstep' };
const FIT_VIEW = { padding: 0.2, minZoom: 0.3, maxZoom: 1 };

interface ReadOnlyGraphProps {
  /** A stored definition (a template's, a version's, a draft); parameter references read as their names. */
  definition: unknown;
  /** What the graph shows, for screen readers: "Preview of Log overdue invoices". */
  label: string;
  testId?: string;
  /** A run's view of each node (state, caption); with it, the edges not in `takenEdges` are dimmed. */
  decorations?: ReadonlyMap<string, NodeDecoration> | undefined;
  takenEdges?: ReadonlySet<string> | undefined;
  /** Edges into a node that runs or waits now: drawn moving. */
  activeNodes?: ReadonlySet<string> | undefined;
  /** Connections a newer version added or removed; with it, `takenEdges` is not read. */
  edgeMarks?: ReadonlyMap<string, EdgeMark> | undefined;
  onNodeClick?: ((nodeId: string) => void) | undefined;
  /** Taller than the default, for a page whose subject is the graph. */
  height?: number | undefined;
  /** Draws each forEach body open, its steps inside its group as the designer draws them, rather than folded into a card. */
  openBodies?: boolean | undefined;
}

/** React Flow's nodes and edges of a definition: bodies folded into cards, or open as the designer's groups. */
function flowOf(definition: DraftDefinition, openBodies: boolean) {
  if (!openBodies) return { nodes: toFlowNodes(definition), edges: toFlowEdges(definition) };
  const derive = createFlowCache();
  return { nodes: derive.nodes(definition), edges: derive.edges(definition) };
}

/**
 * A definition drawn as the designer draws it (the same cards, the same derivation), to look at
 * only: nothing moves, connects, or is deleted; the view fits the whole graph. Pan and zoom stay.
 */
export function ReadOnlyGraph({ definition, label, testId = 'read-only-graph', decorations, takenEdges, activeNodes, edgeMarks, onNodeClick, height, openBodies = false }: ReadOnlyGraphProps) {
  const shown = useMemo(() => previewDefinition(definition, label), [definition, label]);
  const flow = useMemo(() => flowOf(shown, openBodies), [shown, openBodies]);
  const { nodes, edges } = useMemo(() => {
    const flowNodes: WorkflowFlowNode[] = flow.nodes.map((node) => {
      const decoration = decorations?.get(node.id);
      return { ...node, deletable: false, ...(decoration ? { data: { ...node.data, decoration } } : {}) };
    });
    const flowEdges: WorkflowFlowEdge[] = flow.edges.map((edge) => {
      const taken = takenEdges?.has(edge.id);
      const mark = edgeMarks?.get(edge.id);
      const style = edgeMarks ? (mark ? MARKED_EDGE[mark] : undefined) : decorations ? (taken ? TAKEN_EDGE : UNTAKEN_EDGE) : undefined;
      return { ...edge, deletable: false, focusable: false, ...(style ? { style } : {}), ...(taken && activeNodes?.has(edge.target) ? { animated: true } : {}) };
    });
    return { nodes: flowNodes, edges: flowEdges };
  }, [flow, decorations, takenEdges, activeNodes, edgeMarks]);
  return (
    <div className={styles.graph} style={height ? { height } : undefined} data-testid={testId} role="figure" aria-label={label}>
      <ReactFlowProvider>
        <ReactFlow<WorkflowFlowNode, WorkflowFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          defaultEdgeOptions={defaultEdgeOptions}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          nodesFocusable={false}
          deleteKeyCode={null}
          {...(onNodeClick ? { onNodeClick: (_event: unknown, node: WorkflowFlowNode) => onNodeClick(node.id) } : {})}
          fitView
          fitViewOptions={FIT_VIEW}
          minZoom={0.2}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}
