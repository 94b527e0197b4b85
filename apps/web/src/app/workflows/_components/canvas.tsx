'use client';

import type { Problem } from '@cascade/workflow';
import { Background, Controls, MarkerType, MiniMap, ReactFlow, useReactFlow, type Connection } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { allNodeIds } from '@/designer/draft';
import { connect, connectionProblem } from '@/designer/edit';
import type { WorkflowFlowEdge } from '@/designer/to-flow';
import { BodyGroupCard } from './body-group/body-group';
import { CanvasTools } from './canvas-tools';
import { useDesigner } from './designer-context';
import styles from './designer.module.css';
import { StickyNoteCard } from './sticky-note';
import { useFlowElements, type CanvasNode } from './use-flow-elements';
import { WorkflowNodeCard } from './workflow-node';

const nodeTypes = { workflow: WorkflowNodeCard, body: BodyGroupCard, note: StickyNoteCard };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed }, type: 'smoothstep' };
// Below half size a card's text is unreadable; a larger workflow is panned rather than shrunk further.
const FIT_VIEW = { padding: 0.2, minZoom: 0.5, maxZoom: 1 };
// Shift-click adds to the selection as in most editors; Ctrl and ⌘ do too, as React Flow's default.
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
// The fit-view button shows the whole workflow, however small that makes it.
const FIT_ALL = { padding: 0.1, minZoom: 0.2, maxZoom: 1 };
const minimapColor = (node: CanvasNode) => (node.type === 'note' ? '#f5e7a3' : node.selected ? '#3451b2' : '#c3cad3');

interface CanvasProps {
  selectedNodeIds: readonly string[];
  selectedEdgeIds: readonly string[];
  problemsByNode: ReadonlyMap<string, Problem[]>;
  collapsedBodies: readonly string[];
}

/**
 * The definition drawn with React Flow. Nodes and edges are derived from the definition (reusing
 * whatever did not change); what React Flow reports (moves, connections, deletions, selection)
 * becomes an edit of it. Only cards in view are in the DOM.
 */
export function Canvas({ selectedNodeIds, selectedEdgeIds, problemsByNode, collapsedBodies }: CanvasProps) {
  const { definition, dispatch, readOnly } = useDesigner();
  const { nodes, edges, onNodesChange, onEdgesChange } = useFlowElements({ selectedNodeIds, selectedEdgeIds, problemsByNode, collapsedBodies });

  // Steps added inside a body count too: they are brought into view like any other node.
  const nodeCount = useMemo(() => allNodeIds(definition.nodes).length, [definition.nodes]);
  const endEdit = useCallback(() => dispatch({ type: 'endEdit' }), [dispatch]);
  const toConnection = (c: Connection | WorkflowFlowEdge) => ({ from: c.source, port: c.sourceHandle ?? 'next', to: c.target });
  const onConnect = useCallback((c: Connection) => dispatch({ type: 'edit', apply: (d) => connect(d, toConnection(c)) }), [dispatch]);
  const isValidConnection = useCallback((c: Connection | WorkflowFlowEdge) => !connectionProblem(definition, toConnection(c)), [definition]);

  return (
    <div className={styles.canvas} data-testid="designer-canvas">
      <ReactFlow<CanvasNode, WorkflowFlowEdge>
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
        onlyRenderVisibleElements
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.2}
      >
        <FitNewNodes count={nodeCount} />
        <Background />
        <CanvasTools collapsedBodies={collapsedBodies} />
        <Controls showInteractive={false} fitViewOptions={FIT_ALL} />
        <MiniMap pannable zoomable nodeColor={minimapColor} ariaLabel="Minimap of the workflow" />
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
