'use client';

import { Background, Controls, MarkerType, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { WorkflowNodeCard } from '@/app/workflows/_components/workflow-node';
import { toFlowEdges, toFlowNodes, type WorkflowFlowEdge, type WorkflowFlowNode } from '@/designer/to-flow';
import { previewDefinition } from './preview-definition';
import styles from './read-only-graph.module.css';

const nodeTypes = { workflow: WorkflowNodeCard };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed }, type: 'smoothstep' };
const FIT_VIEW = { padding: 0.2, minZoom: 0.3, maxZoom: 1 };

interface ReadOnlyGraphProps {
  /** A stored definition (a template's, a version's, a draft); parameter references read as their names. */
  definition: unknown;
  /** What the graph shows, for screen readers: "Preview of Log overdue invoices". */
  label: string;
  testId?: string;
}

/**
 * A definition drawn as the designer draws it (the same cards, the same derivation), to look at
 * only: nothing moves, connects, or is deleted; the view fits the whole graph. Pan and zoom stay.
 */
export function ReadOnlyGraph({ definition, label, testId = 'read-only-graph' }: ReadOnlyGraphProps) {
  const { nodes, edges } = useMemo(() => {
    const shown = previewDefinition(definition, label);
    const flowNodes: WorkflowFlowNode[] = toFlowNodes(shown).map((node) => ({ ...node, deletable: false }));
    const flowEdges: WorkflowFlowEdge[] = toFlowEdges(shown).map((edge) => ({ ...edge, deletable: false, focusable: false }));
    return { nodes: flowNodes, edges: flowEdges };
  }, [definition, label]);
  return (
    <div className={styles.graph} data-testid={testId} role="figure" aria-label={label}>
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
