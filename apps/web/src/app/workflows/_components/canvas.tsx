'use client';

import type { Problem } from '@cascade/workflow';
import { Background, Controls, MarkerType, MiniMap, ReactFlow, useReactFlow, useStore, type Connection } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { allNodeIds, type DraftNode } from '@/designer/draft';
import { connect, newEdgeProblem } from '@/designer/edit';
import { estimatedNodeHeight, NODE_WIDTH, type WorkflowFlowEdge } from '@/designer/to-flow';
import { boundsInView, topLevelBounds } from '@/designer/view-fit';
import { BodyGroupCard } from './body-group/body-group';
import { CanvasTools } from './canvas-tools';
import { ConnectionHint } from './connection-hint';
import { useDesigner } from './designer-context';
import styles from './designer.module.css';
import { StickyNoteCard } from './sticky-note';
import { useFlowElements, type CanvasNode } from './use-flow-elements';
import { usePaletteDrop } from './use-palette-drop';
import { WorkflowNodeCard } from './workflow-node';

const nodeTypes = { workflow: WorkflowNodeCard, body: BodyGroupCard, note: StickyNoteCard };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed }, type: 'smoothstep' };
// Below half size a card's text is unreadable; a larger workflow is panned rather than shrunk further.
const FIT_VIEW = { padding: 0.2, minZoom: 0.5, maxZoom: 1 };
// Shift-click adds to the selection as in most editors; Ctrl and ⌘ do too, as React Flow's default.
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
// The fit-view button shows the whole workflow, however small that makes it.
const FIT_ALL = { padding: 0.1, minZoom: 0.2, maxZoom: 1 };
const TALLEST_CARD = estimatedNodeHeight(1);
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
 * becomes an edit of it; so does a palette entry dropped on it. Only cards in view are in the DOM.
 */
export function Canvas({ selectedNodeIds, selectedEdgeIds, problemsByNode, collapsedBodies }: CanvasProps) {
  const { definition, dispatch, readOnly } = useDesigner();
  const { nodes, edges, onNodesChange, onEdgesChange } = useFlowElements({ selectedNodeIds, selectedEdgeIds, problemsByNode, collapsedBodies });

  // Steps added inside a body count too: they are brought into view like any other node.
  const nodeCount = useMemo(() => allNodeIds(definition.nodes).length, [definition.nodes]);
  const endEdit = useCallback(() => dispatch({ type: 'endEdit' }), [dispatch]);
  const toConnection = (c: Connection | WorkflowFlowEdge) => ({ from: c.source, port: c.sourceHandle ?? 'next', to: c.target });
  const onConnect = useCallback((c: Connection) => dispatch({ type: 'edit', apply: (d) => connect(d, toConnection(c)) }), [dispatch]);
  // The reason a refused connection is refused is said at the pointer by <ConnectionHint>.
  const isValidConnection = useCallback((c: Connection | WorkflowFlowEdge) => !newEdgeProblem(definition, toConnection(c)), [definition]);
  const paletteDrop = usePaletteDrop();

  return (
    <div className={styles.canvas} data-testid="designer-canvas" {...paletteDrop}>
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
        <FitNewNodes nodes={definition.nodes} count={nodeCount} />
        <ConnectionHint />
        <Background />
        <CanvasTools collapsedBodies={collapsedBodies} />
        <Controls showInteractive={false} fitViewOptions={FIT_ALL} />
        <MiniMapWhenNeeded nodes={nodes} />
      </ReactFlow>
    </div>
  );
}

/**
 * The minimap, shown while part of the workflow lies outside the view: a workflow that fits has
 * nothing to find on it, and the canvas keeps the corner. The bounds are derived once per change of
 * the nodes; a pan or zoom only compares them with the view, and re-renders when the answer flips.
 */
function MiniMapWhenNeeded({ nodes }: { nodes: readonly CanvasNode[] }) {
  const bounds = useMemo(() => topLevelBounds(nodes), [nodes]);
  const inView = useStore(useCallback((store) => boundsInView(bounds, store.transform, store), [bounds]));
  return inView ? null : <MiniMap pannable zoomable nodeColor={minimapColor} ariaLabel="Minimap of the workflow" />;
}

/**
 * Brings a node the palette adds below the others into view (React Flow fits once it has measured
 * it). A node dropped or pasted whole in view on the top level leaves the view where the user put
 * it; a step added to a body (`count` counts every node, `nodes` are the top level's) is always
 * brought into view, as its place is relative to its group.
 */
function FitNewNodes({ nodes, count }: { nodes: readonly DraftNode[]; count: number }) {
  const { fitView, getViewport } = useReactFlow();
  const pane = useStore((store) => ({ width: store.width, height: store.height }), (a, b) => a.width === b.width && a.height === b.height);
  const seen = useRef({ count, topLevel: nodes.length });
  useEffect(() => {
    const newest = nodes.length > seen.current.topLevel ? nodes.at(-1)?.position : undefined;
    if (count > seen.current.count && !(newest && wholeInView(newest, getViewport(), pane))) void fitView(FIT_VIEW);
    seen.current = { count, topLevel: nodes.length };
  }, [nodes, count, fitView, getViewport, pane]);
  return null;
}

/** Whether a card at `position` (of the tallest card's size) lies whole inside the pane. */
function wholeInView(position: { x: number; y: number }, { x, y, zoom }: { x: number; y: number; zoom: number }, pane: { width: number; height: number }): boolean {
  const left = position.x * zoom + x;
  const top = position.y * zoom + y;
  return left >= 0 && top >= 0 && left + NODE_WIDTH * zoom <= pane.width && top + TALLEST_CARD * zoom <= pane.height;
}
