'use client';

import { useReactFlow } from '@xyflow/react';
import { useCallback, useRef, type DragEvent } from 'react';
import { PALETTE_DRAG_TYPE, paletteDropAction, readPaletteDrop } from '@/designer/palette-drop';
import { NODE_WIDTH } from '@/designer/to-flow';
import { useDesigner } from './designer-context';
import styles from './designer.module.css';

/** Where the pointer holds a dropped card: near its top, centred. */
const GRAB = { x: NODE_WIDTH / 2, y: 20 };

/** The edge under a point of the page, unless a card lies over it there. */
function edgeAt(x: number, y: number): Element | undefined {
  for (const element of document.elementsFromPoint(x, y)) {
    if (element.closest('.react-flow__node')) return undefined;
    const edge = element.closest('.react-flow__edge');
    if (edge) return edge;
  }
  return undefined;
}

/**
 * The canvas's side of dragging from the palette: an entry dropped on the pane becomes a node
 * there; dropped on an edge (highlighted while the entry is over it), it is put on the edge. The
 * highlight is a class on the edge's element, so dragging over the canvas re-renders nothing.
 */
export function usePaletteDrop() {
  const { definition, dispatch, readOnly } = useDesigner();
  const { screenToFlowPosition } = useReactFlow();
  const highlighted = useRef<Element | undefined>(undefined);
  const highlight = useCallback((edge: Element | undefined) => {
    if (highlighted.current === edge) return;
    highlighted.current?.classList.remove(styles.dropTarget!);
    edge?.classList.add(styles.dropTarget!);
    highlighted.current = edge;
  }, []);

  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (readOnly || !event.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      highlight(edgeAt(event.clientX, event.clientY));
    },
    [readOnly, highlight],
  );
  const onDragLeave = useCallback(
    (event: DragEvent) => {
      if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) highlight(undefined);
    },
    [highlight],
  );
  const onDrop = useCallback(
    (event: DragEvent) => {
      highlight(undefined);
      const drop = readOnly ? undefined : readPaletteDrop(event.dataTransfer.getData(PALETTE_DRAG_TYPE));
      if (!drop) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const edgeId = edgeAt(event.clientX, event.clientY)?.getAttribute('data-id') ?? undefined;
      dispatch(paletteDropAction(definition, drop, { x: Math.round(at.x - GRAB.x), y: Math.round(at.y - GRAB.y) }, edgeId));
    },
    [definition, dispatch, readOnly, screenToFlowPosition, highlight],
  );
  return { onDragOver, onDragLeave, onDrop };
}
