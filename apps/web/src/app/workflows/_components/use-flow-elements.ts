'use client';

import type { Problem } from '@cascade/workflow';
import type { EdgeChange, Node, NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Position } from '@/designer/draft';
import { moveNodes, removeEdges, removeNodes } from '@/designer/edit';
import { growGroupsAroundDrag } from '@/designer/group-drag';
import { moveNotes, noteFlowId, noteIdOf, readNotes, type DraftNote } from '@/designer/notes';
import { applySelectChanges } from '@/designer/selection';
import { createFlowCache, type WorkflowFlowEdge, type WorkflowFlowNode } from '@/designer/to-flow';
import { useDesigner } from './designer-context';

export type NoteFlowNode = Node<{ note: DraftNote }, 'note'>;
export type CanvasNode = WorkflowFlowNode | NoteFlowNode;
type Size = { width: number; height: number };

const NO_DRAG: ReadonlyMap<string, Position> = new Map();

interface FlowElementsInput {
  selectedNodeIds: readonly string[];
  selectedEdgeIds: readonly string[];
  problemsByNode: ReadonlyMap<string, Problem[]>;
  collapsedBodies: readonly string[];
}

/**
 * React Flow's nodes and edges for the definition, and what becomes of the changes it reports.
 * Derived objects are reused for whatever did not change (see `createFlowCache`), so a selection or
 * an edit re-renders only the cards it touches. A drag moves nodes in this hook's state only, the
 * groups around dragged steps growing with them as they go, and is committed to the definition once,
 * when it ends: one edit, however many frames it took.
 */
export function useFlowElements({ selectedNodeIds, selectedEdgeIds, problemsByNode, collapsedBodies }: FlowElementsInput) {
  const { definition, dispatch } = useDesigner();
  const [cache] = useState(createFlowCache);
  // Measured sizes are React Flow's own bookkeeping: kept beside, never a reason to derive again.
  const sizes = useRef(new Map<string, Size>());
  const [dragged, setDragged] = useState(NO_DRAG);
  const selectedEdges = useMemo(() => new Set(selectedEdgeIds), [selectedEdgeIds]);
  const selectedNodes = useMemo(() => new Set(selectedNodeIds), [selectedNodeIds]);
  const collapsed = useMemo(() => new Set(collapsedBodies), [collapsedBodies]);

  const derivedNodes = useMemo(
    () => cache.nodes(definition, { selectedNodeIds: selectedNodes, sizes: sizes.current, problemsByNode, collapsed }),
    [cache, definition, selectedNodes, problemsByNode, collapsed],
  );
  const storedNotes = definition.notes;
  const noteNodes = useMemo(() => readNotes(storedNotes).map(toNoteNode), [storedNotes]);
  const nodes = useMemo(() => {
    const all: CanvasNode[] = noteNodes.length === 0 ? derivedNodes : [...noteNodes, ...derivedNodes];
    if (dragged.size === 0) return all;
    return growGroupsAroundDrag(all.map((node) => (dragged.has(node.id) ? { ...node, position: dragged.get(node.id)!, dragging: true } : node)), dragged);
  }, [derivedNodes, noteNodes, dragged]);
  const edges = useMemo(() => cache.edges(definition, { selectedEdgeIds: selectedEdges, collapsed }), [cache, definition, selectedEdges, collapsed]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const moving = new Map<string, Position>();
      const droppedNodes = new Map<string, Position>();
      const droppedNotes = new Map<string, Position>();
      const removed: string[] = [];
      const selections: Array<{ id: string; selected: boolean }> = [];
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) sizes.current.set(change.id, change.dimensions);
        else if (change.type === 'position' && change.position) {
          if (change.dragging) moving.set(change.id, change.position);
          else {
            const noteId = noteIdOf(change.id);
            if (noteId === undefined) droppedNodes.set(change.id, change.position);
            else droppedNotes.set(noteId, change.position);
          }
        } else if (change.type === 'remove' && noteIdOf(change.id) === undefined) removed.push(change.id);
        else if (change.type === 'select' && noteIdOf(change.id) === undefined) selections.push(change);
      }
      if (moving.size > 0) setDragged((previous) => new Map([...previous, ...moving]));
      if (droppedNodes.size > 0 || droppedNotes.size > 0) {
        // Arrow-key moves of the same nodes join one undo step, until a drag or selection ends it.
        const group = `move:${[...droppedNodes.keys(), ...droppedNotes.keys()].join(',')}`;
        dispatch({ type: 'edit', apply: (d) => moveNotes(moveNodes(d, droppedNodes), droppedNotes), group });
        setDragged(NO_DRAG);
      }
      if (removed.length > 0) dispatch({ type: 'edit', apply: (d) => removeNodes(d, removed) });
      const selected = applySelectChanges(selectedNodeIds, selections);
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

  return { nodes, edges, onNodesChange, onEdgesChange };
}

const NOTE_SIZE = { width: 220, height: 120 };

function toNoteNode(note: DraftNote): NoteFlowNode {
  const width = note.width ?? NOTE_SIZE.width;
  const height = note.height ?? NOTE_SIZE.height;
  return { id: noteFlowId(note.id), type: 'note', position: note.position, selectable: false, deletable: false, connectable: false, initialWidth: width, initialHeight: height, zIndex: -1, data: { note } };
}
