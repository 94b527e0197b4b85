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
import { applySelectChanges } from '@/designer/selection';
import { toFlowEdges, toFlowNodes, type WorkflowFlowEdge, type WorkflowFlowNode } from '@/designer/to-flow';
import { useDesigner } from './designer-context';
import styles from './designer.module.css';
import { WorkflowNodeCard } from './workflow-node';

const nodeTypes = { workflow: WorkflowNodeCard };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed }, type: 'smoothstep' };
type Size = { width: number; height: number };
// Below half size a card's text is unreadable; a larger workflow is panned rather than shrunk further.
const FIT_VIEW = { padding: 0.2, minZoom: 0.5, maxZoom: 1 };
// Shift-click adds to the selection as in most editors; Ctrl and ⌘ do too, as React Flow's default.
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];

interface CanvasProps {
  selectedNodeIds: readonly string[];
  selectedEdgeIds: readonly string[];
  problemsByNode: ReadonlyMap<string, Problem[]>;
}

/**
 * The definition drawn with React Flow. Nodes and edges are derived from the definition on every
 * render; what React Flow reports (moves, connections, deletions, selection) becomes an edit of it.
 */
export function Canvas({ selectedNodeIds, selectedEdgeIds, problemsByNode }: CanvasProps) {
  const { definition, dispatch, readOnly } = useDesigner();
  // Measured sizes are React Flow's own bookkeeping, not part of the workflow.
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(new Map());
  const selectedEdges = useMemo(() => new Set(selectedEdgeIds), [selectedEdgeIds]);
  const selectedNodes = useMemo(() => new Set(selectedNodeIds), [selectedNodeIds]);
  const nodes = useMemo(
    () => toFlowNodes(definition, { selectedNodeIds: selectedNodes, sizes, problemsByNode }),
    [definition, selectedNodes, sizes, problemsByNode],
  );
  const edges = useMemo(() => toFlowEdges(definition, { selectedEdgeIds: selectedEdges }), [definition, selectedEdges]);

  const onNodesChange = useCallback(
    (changes: NodeChange<WorkflowFlowNode>[]) => {
      const measured = changes.flatMap((c) => (c.type === 'dimensions' && c.dimensions ? [[c.id, c.dimensions] as const] : []));
      if (measured.length > 0) setSizes((previous) => new Map([...previous, ...measured]));
      const moves = changes.flatMap((c) => (c.type === 'position' && c.position ? [{ id: c.id, position: c.position }] : []));
      // One drag (or one run of arrow-key presses) is one undo step: its moves share a group until the drag stops.
      const group = `move:${moves.map((move) => move.id).join(',')}`;
      if (moves.length > 0) dispatch({ type: 'edit', apply: (d) => moves.reduce((next, move) => moveNode(next, move.id, move.position), d), group });
      const removed = changes.flatMap((c) => (c.type === 'remove' ? [c.id] : []));
      if (removed.length > 0) dispatch({ type: 'edit', apply: (d) => removeNodes(d, removed) });
      const selected = applySelectChanges(selectedNodeIds, changes.flatMap((c) => (c.type === 'select' ? [c] : [])));
      if (selected !== selectedNodeIds) dispatch({ type: 'selectNodes', ids: selected });
    },
    [dispatch, selectedNodeIds],
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

  const endEdit = useCallback(() => dispatch({ type: 'endEdit' }), [dispatch]);
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
        onNodeDragStop={endEdit}
        isValidConnection={isValidConnection}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        // Delete and Backspace are the designer's shortcuts (use-editing-shortcuts.ts): nodes and edges go in one undo step.
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
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
