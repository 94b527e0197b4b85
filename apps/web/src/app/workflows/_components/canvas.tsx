'use client';

import type { Problem } from '@cascade/workflow';
import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { connect, connectionProblem, moveNode, removeEdges, removeNodes } from '@/designer/edit';
import { toFlowEdges, toFlowNodes, type WorkflowFlowEdge, type WorkflowFlowNode } from '@/designer/to-flow';
import { useDesigner } from './designer-context';
import styles from './designer.module.css';
import { WorkflowNodeCard } from './workflow-node';

const nodeTypes = { workflow: WorkflowNodeCard };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed }, type: 'smoothstep' };
type Size = { width: number; height: number };
// Below half size a card's text is unreadable; a larger workflow is panned rather than shrunk further.
const FIT_VIEW = { padding: 0.2, minZoom: 0.5, maxZoom: 1 };

interface CanvasProps {
  selectedNodeId: string | undefined;
  selectedEdgeIds: readonly string[];
  problemsByNode: ReadonlyMap<string, Problem[]>;
}

/**
 * The definition drawn with React Flow. Nodes and edges are derived from the definition on every
 * render; what React Flow reports (moves, connections, deletions, selection) becomes an edit of it.
 */
export function Canvas({ selectedNodeId, selectedEdgeIds, problemsByNode }: CanvasProps) {
  const { definition, dispatch, readOnly } = useDesigner();
  // Measured sizes are React Flow's own bookkeeping, not part of the workflow.
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(new Map());
  const selectedEdges = useMemo(() => new Set(selectedEdgeIds), [selectedEdgeIds]);
  const nodes = useMemo(
    () => toFlowNodes(definition, { selectedNodeId, sizes, problemsByNode }),
    [definition, selectedNodeId, sizes, problemsByNode],
  );
  const edges = useMemo(() => toFlowEdges(definition, { selectedEdgeIds: selectedEdges }), [definition, selectedEdges]);

  const onNodesChange = useCallback(
    (changes: NodeChange<WorkflowFlowNode>[]) => {
      const measured = changes.flatMap((c) => (c.type === 'dimensions' && c.dimensions ? [[c.id, c.dimensions] as const] : []));
      if (measured.length > 0) setSizes((previous) => new Map([...previous, ...measured]));
      const moves = changes.flatMap((c) => (c.type === 'position' && c.position ? [{ id: c.id, position: c.position }] : []));
      if (moves.length > 0) dispatch({ type: 'edit', apply: (d) => moves.reduce((next, move) => moveNode(next, move.id, move.position), d) });
      const removed = changes.flatMap((c) => (c.type === 'remove' ? [c.id] : []));
      if (removed.length > 0) dispatch({ type: 'edit', apply: (d) => removeNodes(d, removed) });
      // Selecting one node deselects the one before, in either order within the same batch.
      const selected = changes.reduce<string | undefined>(
        (current, c) => (c.type !== 'select' ? current : c.selected ? c.id : c.id === current ? undefined : current),
        selectedNodeId,
      );
      if (selected !== selectedNodeId) dispatch({ type: 'selectNode', id: selected });
    },
    [dispatch, selectedNodeId],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<WorkflowFlowEdge>[]) => {
      const removed = changes.flatMap((c) => (c.type === 'remove' ? [c.id] : []));
      if (removed.length > 0) dispatch({ type: 'edit', apply: (d) => removeEdges(d, removed) });
      const selection = changes.filter((c) => c.type === 'select');
      if (selection.length > 0) {
        const next = new Set(selectedEdgeIds);
        for (const change of selection) {
          if (change.selected) next.add(change.id);
          else next.delete(change.id);
        }
        dispatch({ type: 'selectEdges', ids: [...next] });
      }
    },
    [dispatch, selectedEdgeIds],
  );

  const toConnection = (c: Connection | WorkflowFlowEdge) => ({ from: c.source, port: c.sourceHandle ?? 'next', to: c.target });
  const onConnect = useCallback((c: Connection) => dispatch({ type: 'edit', apply: (d) => connect(d, toConnection(c)) }), [dispatch]);
  const isValidConnection = useCallback((c: Connection | WorkflowFlowEdge) => !connectionProblem(definition, toConnection(c)), [definition]);

  return (
    <div className={styles.canvas} data-testid="designer-canvas">
      <ReactFlow<WorkflowFlowNode, WorkflowFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={readOnly ? null : ['Backspace', 'Delete']}
        connectionRadius={30}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.2}
      >
        <FitNewNodes count={definition.nodes.length} />
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

/** Brings a node the palette adds into view; React Flow fits once it has measured it. */
function FitNewNodes({ count }: { count: number }) {
  const { fitView } = useReactFlow();
  const seen = useRef(count);
  useEffect(() => {
    if (count > seen.current) void fitView(FIT_VIEW);
    seen.current = count;
  }, [count, fitView]);
  return null;
}
