'use client';

import { useReactFlow } from '@xyflow/react';
import { useCallback, useRef, type DragEvent } from 'react';
import { scopeOfEdge } from '@/designer/bodies';
import { PALETTE_DRAG_TYPE, paletteDropAction, readPaletteDrop } from '@/designer/palette-drop';
import { NODE_WIDTH } from '@/designer/to-flow';
import { useDesigner } from './designer-context';
import styles from './designer.module.css';

/** Where the pointer holds a dropped card: near its top, centred. */
const GRAB = { x: NODE_WIDTH / 2, y: 20 };

/** What lies under a point of the page: an edge (unless a card lies over it), and the open group (forEach body) it is in. */
interface DropPlace {
  edge?: Element;
  group?: string;
}

/**
 * Looks down through what is drawn at the point, topmost first. A step's card lies over its group:
 * past the card, the group beneath still takes the drop. A body's edges are drawn over its group,
 * but its entry edge beneath it: that one is taken through the group, no edge around the group is.
 */
function dropPlaceAt(x: number, y: number, groupOfEdge: (id: string) => string | undefined): DropPlace {
  let overCard = false;
  let group: string | undefined;
  for (const element of document.elementsFromPoint(x, y)) {
    const node = element.closest('.react-flow__node');
    if (node) {
      if (group === undefined && node.querySelector(':scope > [data-body="open"]')) group = node.getAttribute('data-id') ?? undefined;
      else if (group === undefined) overCard = true;
      continue;
    }
    const edge = overCard ? null : element.closest('.react-flow__edge');
    if (edge && (group === undefined || groupOfEdge(edge.getAttribute('data-id') ?? '') === group)) return { edge };
  }
  return group === undefined ? {} : { group };
}

/**
 * The canvas's side of dragging from the palette: an entry dropped on the pane becomes a node
 * there, in an open forEach group a step of its body; dropped on an edge (highlighted while the
 * entry is over it), a body's too, it is put on the edge. The highlight is a class on the edge's
 * element, so dragging over the canvas re-renders nothing.
 */
export function usePaletteDrop() {
  const { definition, dispatch, readOnly } = useDesigner();
  const { screenToFlowPosition, getInternalNode } = useReactFlow();
  const highlighted = useRef<Element | undefined>(undefined);
  const groupOfEdge = useCallback((id: string) => scopeOfEdge(definition, id)?.at(-1), [definition]);
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
      highlight(dropPlaceAt(event.clientX, event.clientY, groupOfEdge).edge);
    },
    [readOnly, highlight, groupOfEdge],
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
      const place = dropPlaceAt(event.clientX, event.clientY, groupOfEdge);
      const onEdge = place.edge?.getAttribute('data-id') ?? undefined;
      // A step of a body is placed relative to its group: the group dropped in, or the one holding the
      // edge. A trigger never joins a body (paletteDropAction keeps it on the top level).
      const joinsBody = drop.kind === 'node' && drop.nodeType !== 'trigger';
      const parent = !joinsBody ? undefined : onEdge ? groupOfEdge(onEdge) : place.group;
      const origin = (parent && getInternalNode(parent)?.internals.positionAbsolute) || { x: 0, y: 0 };
      const position = { x: Math.round(at.x - origin.x - GRAB.x), y: Math.round(at.y - origin.y - GRAB.y) };
      dispatch(paletteDropAction(definition, drop, position, { onEdge, parent }));
    },
    [definition, dispatch, readOnly, screenToFlowPosition, getInternalNode, highlight, groupOfEdge],
  );
  return { onDragOver, onDragLeave, onDrop };
}
